import { DomainError, type DomainErrorCode } from '../errors';
import { type Outage } from '../outage/schema';
import { type Action, can, describeAction } from '../permissions';
import { type Actor } from '../roles';
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

interface Refusal {
  code: DomainErrorCode;
  message: string;
}

// Problem fields are strings, numbers or null.
const show = (v: string | number | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/** Changed fields only, each audited, version + 1 (the problem's own optimistic concurrency). */
export function diffProblem(
  { problem, actor, now }: ProblemCtx,
  desired: Partial<Problem>,
): Pick<ProblemChange, 'changes' | 'audit'> {
  const version = problem.version + 1;
  const changes: Record<string, unknown> = {};
  const audit: ProblemChange['audit'] = [];
  for (const [field, next] of Object.entries(desired)) {
    const prev = show(problem[field as keyof Problem]);
    if (prev === show(next)) continue;
    changes[field] = next;
    audit.push({
      actorId: actor.id,
      field,
      fromValue: prev,
      toValue: show(next),
      version,
      at: now,
    });
  }
  return { changes: { ...(changes as Partial<Problem>), version, updatedAt: now }, audit };
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
    return {
      code: 'FORBIDDEN',
      message: `Your role (${actor.role}) may not ${describeAction(action)}.`,
    };
  if (problem.status !== 'open')
    return {
      code: 'INVALID_TRANSITION',
      message: `${problem.number} is ${problem.status}; nothing more can be done on it.`,
    };
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
  if (refusal?.code === 'FORBIDDEN') throw new DomainError(refusal.code, refusal.message);
  const { problem } = ctx;
  if (problem.version !== expectedVersion) {
    throw new DomainError(
      'CONFLICT',
      `${problem.number} was changed by someone else since you opened it (you saw version ${expectedVersion}, it is now ${problem.version}). Reload to see their change; nothing of yours was saved.`,
    );
  }
  const refused = refusal ?? extra;
  if (refused) throw new DomainError(refused.code, refused.message);
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
      ? {
          code: 'INVALID_TRANSITION',
          message: `${ctx.problem.number} is already owned by ${team}.`,
        }
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
      ? {
          code: 'INVALID_TRANSITION',
          message: `${problem.number} is already linked to ${outage.number}.`,
        }
      : outage.status === 'resolved'
        ? {
            code: 'INVALID_TRANSITION',
            message: `${outage.number} is resolved; link the problem to an active or planned outage.`,
          }
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
    ? {
        code: 'INVALID_TRANSITION',
        message: `${problem.number} still has ${openIncidents} open incident${openIncidents === 1 ? '' : 's'}; run Resolve Attached Incidents first.`,
      }
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
