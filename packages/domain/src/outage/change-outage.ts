import { forbidden, invalid, raise, type Refusal } from '../change/refusal';
import { assertCurrentVersion } from '../change/version';
import { type Effects } from '../change/effects';
import { DomainError } from '../errors';
import { can, describeAction } from '../permissions';
import { type Actor } from '../roles';
import { outageChangeEffects, type OutageChange } from './entity';
import { type ChangeOutageStatusInput, type Outage, type UpdateOutageInput } from './schema';

interface Ctx {
  outage: Outage;
  actor: Pick<Actor, 'id' | 'role'>;
  now: string;
}

type Guard = (ctx: Omit<Ctx, 'now'>) => Refusal | null;

const roleRefusal = (actor: Pick<Actor, 'role'>): Refusal | null =>
  can(actor.role, 'outage.manage')
    ? null
    : forbidden(`Your role (${actor.role}) may not ${describeAction('outage.manage')}.`);

const updateRefusal: Guard = ({ outage, actor }) =>
  roleRefusal(actor) ??
  (outage.status === 'resolved'
    ? invalid(`${outage.number} is resolved; its summary is final.`)
    : null);
const startRefusal: Guard = ({ outage, actor }) =>
  roleRefusal(actor) ??
  (outage.status === 'planned'
    ? null
    : invalid(`${outage.number} is ${outage.status}; only a planned outage starts.`));
const resolveRefusal: Guard = ({ outage, actor }) =>
  roleRefusal(actor) ??
  (outage.status === 'resolved' ? invalid(`${outage.number} is already resolved.`) : null);

/** Why SNCC may not post an update to the public summary now, or null. */
export const canUpdateOutage = (ctx: Omit<Ctx, 'now'>): string | null =>
  updateRefusal(ctx)?.message ?? null;
/** Why the planned outage may not start now, or null. */
export const canStartOutage = (ctx: Omit<Ctx, 'now'>): string | null =>
  startRefusal(ctx)?.message ?? null;
/** Why the outage may not be resolved now, or null. */
export const canResolveOutage = (ctx: Omit<Ctx, 'now'>): string | null =>
  resolveRefusal(ctx)?.message ?? null;

// Role first (FORBIDDEN), then the version the user saw (CONFLICT), then the state (INVALID_TRANSITION).
function assertAllowed(guard: Guard, ctx: Ctx, expectedVersion: number) {
  const { outage, actor } = ctx;
  const refusedRole = roleRefusal(actor);
  if (refusedRole) raise(refusedRole);
  assertCurrentVersion(outage, expectedVersion);
  const refused = guard(ctx);
  if (refused) raise(refused);
}

const bump = ({ outage, now }: Ctx, changes: Partial<Outage>): Partial<Outage> => ({
  ...changes,
  version: outage.version + 1,
  updatedAt: now,
});

/** SNCC posts a timestamped update: the public summary becomes the new text (kb 001). */
export function updateOutage(ctx: Ctx, input: UpdateOutageInput): OutageChange {
  assertAllowed(updateRefusal, ctx, input.expectedVersion);
  const { outage, actor, now } = ctx;
  const changes: Partial<Outage> = { publicSummary: input.publicSummary };
  if (input.expectedEndAt !== undefined) {
    const end = input.expectedEndAt === null ? null : new Date(input.expectedEndAt).toISOString();
    if (end !== null && Date.parse(end) <= Date.parse(outage.startAt)) {
      const message = 'The expected end must come after the start.';
      throw new DomainError('VALIDATION', message, { expectedEndAt: message });
    }
    changes.expectedEndAt = end;
  }
  return {
    changes: bump(ctx, changes),
    updates: [{ kind: 'summary', body: input.publicSummary, authorId: actor.id, createdAt: now }],
  };
}

/** A planned outage's window has come: it becomes active, started now. */
export function startOutage(ctx: Ctx, input: ChangeOutageStatusInput): OutageChange {
  assertAllowed(startRefusal, ctx, input.expectedVersion);
  return {
    changes: bump(ctx, { status: 'active', startAt: ctx.now }),
    updates: [
      {
        kind: 'started',
        body: input.note || 'The outage has started.',
        authorId: ctx.actor.id,
        createdAt: ctx.now,
      },
    ],
  };
}

/** The outage is over (or a planned one is called off): resolved, ended now. */
export function resolveOutage(ctx: Ctx, input: ChangeOutageStatusInput): OutageChange {
  assertAllowed(resolveRefusal, ctx, input.expectedVersion);
  const body =
    input.note ||
    (ctx.outage.status === 'planned'
      ? 'The planned outage was called off.'
      : 'The outage is resolved.');
  return {
    changes: bump(ctx, { status: 'resolved', endAt: ctx.now }),
    updates: [{ kind: 'resolved', body, authorId: ctx.actor.id, createdAt: ctx.now }],
  };
}

/** The decisions of the outages page as the commit module applies them: one conditional write and its event. */
const asEffects =
  (decide: (ctx: Ctx, input: ChangeOutageStatusInput) => OutageChange, kind: string) =>
  (ctx: Ctx, input: ChangeOutageStatusInput): Effects =>
    outageChangeEffects(ctx.outage, decide(ctx, input), input.expectedVersion, kind, {
      actorId: ctx.actor.id,
      now: ctx.now,
    });

export const startOutageEffects = asEffects(startOutage, 'started');
export const resolveOutageEffects = asEffects(resolveOutage, 'resolved');
export const updateOutageEffects = (ctx: Ctx, input: UpdateOutageInput): Effects =>
  outageChangeEffects(ctx.outage, updateOutage(ctx, input), input.expectedVersion, 'summary', {
    actorId: ctx.actor.id,
    now: ctx.now,
  });
