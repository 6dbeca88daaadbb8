// The SLA aggregates as the commit kernel knows them, and the Effects of a clock reconcile.
import { effects, insertRow, updateRow, type Effects } from '../change/effects';
import { type ClockPlan, type ClockIncident } from './reconcile';
import {
  type NewSlaClock,
  type NewSlaPolicy,
  type SlaClock,
  type SlaPolicy,
  type WarningLevel,
} from './schema';
import { concerned } from '../change/event';

/** A warning given, once per clock and level (the unique key makes a second scheduler's attempt fail). */
export interface SlaWarning {
  id: number;
  clockId: number;
  level: WarningLevel;
  firedAt: string;
}

declare module '../change/entities' {
  interface Entities {
    slaClock: { row: SlaClock; insert: NewSlaClock };
    slaPolicy: { row: SlaPolicy; insert: NewSlaPolicy };
    slaWarning: { row: SlaWarning; insert: Omit<SlaWarning, 'id'> };
  }
}

/**
 * The writes of a clock plan and one change event (`slaClock`, keyed by the incident) when any
 * clock changed; empty Effects when none did. Each update expects the clock's version.
 */
export function clockEffects(
  incident: Pick<ClockIncident, 'id' | 'ownerTeamId' | 'ownerAgentId'>,
  plan: ClockPlan,
  at: string,
  actorId: number | null = null,
): Effects {
  if (plan.inserts.length === 0 && plan.updates.length === 0) return effects(at);
  const teams = [
    incident.ownerTeamId,
    ...plan.inserts.map((c) => c.teamId),
    ...plan.updates.map((u) => u.clock.teamId),
  ];
  return effects(at, {
    writes: [
      ...plan.updates.map((u) =>
        updateRow('slaClock', u.clock.id, u.set, { expectedVersion: u.clock.version }),
      ),
      ...plan.inserts.map((c) => insertRow('slaClock', c)),
    ],
    events: [
      {
        entity: 'slaClock',
        entityId: incident.id,
        kind: 'clocks_changed',
        teamIds: concerned(...teams),
        userIds: concerned(incident.ownerAgentId),
        actorId,
      },
    ],
  });
}
