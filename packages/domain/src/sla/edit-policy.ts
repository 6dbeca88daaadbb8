// Editing an SLA policy (issue 18): the version in force is superseded and a new one inserted, so
// incidents created before the edit keep the targets they were given. The versions are the audit
// trail: who set which targets, from when.
import { can } from '../permissions';
import { type Actor } from '../roles';
import { DomainError } from '../errors';
import { effects, insertRow, updateRow, type Effects } from '../change/effects';
import { type SlaPolicy, type SlaPolicyInput } from './schema';

const sameTargets = (p: SlaPolicy, input: SlaPolicyInput): boolean =>
  p.calendar === input.calendar &&
  p.firstResponseAmount === input.firstResponse.amount &&
  p.firstResponseUnit === input.firstResponse.unit &&
  p.resolutionAmount === input.resolution.amount &&
  p.resolutionUnit === input.resolution.unit;

/**
 * Sets a team's policy (for an urgency / channel or the default): `current` is the version in force
 * for that team, urgency and channel, if any. A concurrent edit of the same version is CONFLICT.
 */
export function editSlaPolicyEffects(
  current: SlaPolicy | null,
  input: SlaPolicyInput,
  actor: Pick<Actor, 'id'>,
  now: string,
): Effects {
  if (current && sameTargets(current, input))
    throw new DomainError('VALIDATION', 'These are the targets in force already; nothing changed.');
  const replaced = current
    ? [
        updateRow(
          'slaPolicy',
          current.id,
          { supersededAt: now },
          {
            still: { supersededAt: null },
            conflict:
              'Someone else changed this policy since you opened it. Reload to see their change.',
          },
        ),
      ]
    : [];
  return effects(now, {
    writes: [
      ...replaced,
      insertRow('slaPolicy', {
        teamId: input.teamId,
        urgency: input.urgency,
        channel: input.channel,
        calendar: input.calendar,
        firstResponseAmount: input.firstResponse.amount,
        firstResponseUnit: input.firstResponse.unit,
        resolutionAmount: input.resolution.amount,
        resolutionUnit: input.resolution.unit,
        effectiveFrom: now,
        supersededAt: null,
        createdById: actor.id,
      }),
    ],
    events: [
      {
        entity: 'slaPolicy',
        entityId: current?.id ?? 0,
        kind: current ? 'superseded' : 'created',
        teamIds: [input.teamId],
        userIds: [],
        actorId: actor.id,
      },
    ],
  });
}

/**
 * Reports (/reports) are for HDQA, administrators and team leads (issue 18), as the permission table
 * says: `reports.readAll` whatever they lead, `reports.read` (our own staff) when leading a team.
 */
export const canReadReports = (
  actor: Pick<Actor, 'role'>,
  ledTeamIds: readonly number[],
): boolean =>
  can(actor.role, 'reports.readAll') || (can(actor.role, 'reports.read') && ledTeamIds.length > 0);
