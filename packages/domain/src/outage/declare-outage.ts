import { DomainError } from '../errors';
import { teamNames } from '../teams';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import { type DeclareOutageInput, type NewOutage, type NewOutageUpdate } from './schema';

/** The teams that own outages and work problems (kb 001: SNCC-Sysops or SNCC-Network). */
export const snccTeamNames = [teamNames.snccSysops, teamNames.snccNetwork] as const;

/** The ids of the SNCC teams among `teams` (name → id). */
export const snccTeamIds = (teams: Readonly<Record<string, number>>): number[] =>
  snccTeamNames.map((n) => teams[n]).filter((id): id is number => id !== undefined);

function fieldError(field: string, message: string): never {
  throw new DomainError('VALIDATION', message, { [field]: message });
}

/**
 * kb 001 step 3 / DOMAIN.md §6: HDQA or SNCC declares an outage, SNCC owns it. Unplanned outages
 * are active at once (started now, or at a moment already past); planned ones wait for their window.
 */
export function declareOutage({
  input,
  actor,
  now,
  teams,
}: {
  input: DeclareOutageInput;
  actor: Actor;
  now: string;
  teams: Readonly<Record<string, number>>;
}): { outage: NewOutage; serviceIds: number[]; updates: NewOutageUpdate[] } {
  assertCan(actor, 'outage.declare');
  if (!snccTeamIds(teams).includes(input.ownerTeamId)) {
    fieldError('ownerTeamId', 'SNCC owns outages: choose SNCC-Sysops or SNCC-Network.');
  }
  const nowMs = Date.parse(now);
  let startAt = now;
  if (input.kind === 'planned') {
    if (!input.startAt) fieldError('startAt', 'A planned outage needs the start of its window.');
    if (Date.parse(input.startAt) <= nowMs) {
      fieldError(
        'startAt',
        'A planned outage starts in the future; declare an unplanned outage for one happening now.',
      );
    }
    if (!input.expectedEndAt)
      fieldError('expectedEndAt', 'A planned outage needs the end of its window.');
    startAt = new Date(input.startAt).toISOString();
  } else if (input.startAt) {
    if (Date.parse(input.startAt) > nowMs) {
      fieldError(
        'startAt',
        'An unplanned outage has already started: its start cannot be in the future. Plan it instead.',
      );
    }
    startAt = new Date(input.startAt).toISOString();
  }
  const expectedEndAt = input.expectedEndAt ? new Date(input.expectedEndAt).toISOString() : null;
  if (expectedEndAt !== null && Date.parse(expectedEndAt) <= Date.parse(startAt)) {
    fieldError('expectedEndAt', 'The expected end must come after the start.');
  }
  const status = input.kind === 'planned' ? 'planned' : 'active';
  return {
    outage: {
      title: input.title,
      kind: input.kind,
      status,
      publicSummary: input.publicSummary,
      startAt,
      expectedEndAt,
      endAt: null,
      ownerTeamId: input.ownerTeamId,
      declaredById: actor.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
    serviceIds: [...new Set(input.serviceIds)],
    updates: [
      {
        kind: 'declared',
        body: `${status === 'planned' ? 'Planned outage' : 'Outage'} declared: ${input.publicSummary}`,
        authorId: actor.id,
        createdAt: now,
      },
    ],
  };
}
