import { diffFields } from '../change/diff';
import { type Effects } from '../change/effects';
import { forbidden, invalid, raise, type Refusal } from '../change/refusal';
import { assertCurrentVersion } from '../change/version';
import { DomainError } from '../errors';
import { type Outage } from '../outage/schema';
import { type Action, can, describeAction } from '../permissions';
import { type Actor } from '../roles';
import { problemChangeEffects } from './entity';
import {
  type AssignProblemInput,
  type EditProblemInput,
  type LinkOutageInput,
  type NewProblemJournalEntry,
  type Problem,
  type ProblemChange,
  type ResolveProblemInput,
} from './schema';

export interface ProblemCtx {
  problem: Problem;
  actor: Actor;
  now: string;
}

/** Changed fields only, each audited, version + 1 (the kernel's field diff). */
export function diffProblem(
  { problem, actor, now }: ProblemCtx,
  desired: Partial<Problem>,
): Pick<ProblemChange, 'changes' | 'audit'> {
  const { changes, audit } = diffFields(problem, desired, { actorId: actor.id, now });
  return { changes, audit };
}

const journal = (
  { actor, now }: ProblemCtx,
  body: string,
  kind: NewProblemJournalEntry['kind'] = 'system',
  data: unknown = null,
): NewProblemJournalEntry => ({
  kind,
  body,
  authorId: actor.id,
  data,
  createdAt: now,
});

/** Role (FORBIDDEN), then the problem must still be open (INVALID_TRANSITION). */
export function problemRefusal(
  { problem, actor }: Pick<ProblemCtx, 'problem' | 'actor'>,
  action: Action,
): Refusal | null {
  if (!can(actor.role, action))
    return forbidden(`Your role (${actor.role}) may not ${describeAction(action)}.`);
  if (problem.status !== 'open')
    return invalid(`${problem.number} is ${problem.status}; nothing more can be done on it.`);
  return null;
}

/** Throws in the fixed order: role, version the user saw, state. */
export function assertProblemAction(
  ctx: ProblemCtx,
  action: Action,
  expectedVersion: number,
  extra?: Refusal | null,
): void {
  const refusal = problemRefusal(ctx, action);
  if (refusal?.code === 'FORBIDDEN') raise(refusal);
  assertCurrentVersion(ctx.problem, expectedVersion);
  const refused = refusal ?? extra;
  if (refused) raise(refused);
}

/** The Identify & Classify section, corrected after creation (HDQA or SNCC). */
export function editProblem(ctx: ProblemCtx, input: EditProblemInput): ProblemChange {
  assertProblemAction(ctx, 'problem.edit', input.expectedVersion);
  const { problemId: _id, expectedVersion: _v, ...fields } = input;
  const { changes, audit } = diffProblem(ctx, {
    ...fields,
    firstSeenAt: new Date(fields.firstSeenAt).toISOString(),
  });
  if (audit.length === 0) return { changes: {}, audit: [], journal: [] };
  return {
    changes,
    audit,
    journal: [journal(ctx, `Identify & Classify edited: ${audit.map((a) => a.field).join(', ')}.`)],
  };
}

/**
 * kb 001 step 6: HDQA assigns the problem to SNCC-Sysops or SNCC-Network; step 11: SNCC reassigns
 * it to the team that follows up.
 */
export function assignProblem(
  ctx: ProblemCtx & { teams: Readonly<Record<string, number>> },
  input: AssignProblemInput,
): ProblemChange {
  const team = Object.entries(ctx.teams).find(([, id]) => id === input.teamId)?.[0];
  const extra: Refusal | null = !team
    ? null
    : ctx.problem.ownerTeamId === input.teamId
      ? invalid(`${ctx.problem.number} is already owned by ${team}.`)
      : null;
  assertProblemAction(ctx, 'problem.assign', input.expectedVersion, extra);
  if (!team) throw new DomainError('VALIDATION', 'Choose a team.', { teamId: 'Choose a team' });
  const { changes, audit } = diffProblem(ctx, { ownerTeamId: input.teamId });
  const entries = [
    journal(ctx, `Assigned to ${team} by ${ctx.actor.name}.`, 'system', { teamId: input.teamId }),
  ];
  if (input.note) entries.push(journal(ctx, input.note, 'note'));
  return { changes, audit, journal: entries };
}

/** kb 001 step 7: SNCC links the problem to the outage, from the problem. */
export function linkProblemToOutage(
  ctx: ProblemCtx & { outage: Pick<Outage, 'id' | 'number' | 'title' | 'status'> },
  input: LinkOutageInput,
): ProblemChange {
  const { problem, outage } = ctx;
  const extra: Refusal | null =
    problem.outageId === outage.id
      ? invalid(`${problem.number} is already linked to ${outage.number}.`)
      : outage.status === 'resolved'
        ? invalid(`${outage.number} is resolved; link the problem to an active or planned outage.`)
        : null;
  assertProblemAction(ctx, 'problem.linkOutage', input.expectedVersion, extra);
  const { changes, audit } = diffProblem(ctx, { outageId: outage.id });
  const procedure =
    outage.status === 'active' ? ' The outage procedure now applies to its incidents.' : '';
  return {
    changes,
    audit,
    journal: [
      journal(ctx, `Linked to outage ${outage.number}: ${outage.title}.${procedure}`, 'system', {
        outageId: outage.id,
      }),
    ],
  };
}

/** Why SNCC may not resolve the problem now: it must be open with no open incident attached. */
export function canResolveProblem(
  ctx: Pick<ProblemCtx, 'problem' | 'actor'> & { openIncidents: number },
): string | null {
  return (problemRefusal(ctx, 'problem.resolve') ?? openIncidentsRefusal(ctx))?.message ?? null;
}

const openIncidentsRefusal = ({
  problem,
  openIncidents,
}: {
  problem: Problem;
  openIncidents: number;
}): Refusal | null =>
  openIncidents > 0
    ? invalid(
        `${problem.number} still has ${openIncidents} open incident${openIncidents === 1 ? '' : 's'}; run Resolve Attached Incidents first.`,
      )
    : null;

/** The problem is done (no follow-up needed): resolved, with how. */
export function resolveProblem(
  ctx: ProblemCtx & { openIncidents: number },
  input: ResolveProblemInput,
): ProblemChange {
  assertProblemAction(ctx, 'problem.resolve', input.expectedVersion, openIncidentsRefusal(ctx));
  const { changes, audit } = diffProblem(ctx, { status: 'resolved', resolvedAt: ctx.now });
  return {
    changes,
    audit,
    journal: [journal(ctx, `Resolved by ${ctx.actor.name}.`), journal(ctx, input.note, 'note')],
  };
}

/** Each decision above as the commit module applies it: one conditional write, its journal, audit and event. */
const asEffects =
  <C extends ProblemCtx, I extends { expectedVersion: number }>(
    decide: (ctx: C, input: I) => ProblemChange,
    kind: string,
  ) =>
  (ctx: C, input: I): Effects =>
    problemChangeEffects(ctx.problem, decide(ctx, input), input.expectedVersion, kind, {
      actorId: ctx.actor.id,
      now: ctx.now,
    });

export const editProblemEffects = asEffects(editProblem, 'edited');
export const assignProblemEffects = asEffects(assignProblem, 'assigned');
export const linkProblemToOutageEffects = asEffects(linkProblemToOutage, 'outage_linked');
export const resolveProblemEffects = asEffects(resolveProblem, 'resolved');
