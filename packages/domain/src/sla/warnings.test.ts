import { describe, expect, test } from 'vitest';
import { startClock } from './clock';
import { type SlaClock } from './schema';
import { aroundTheClock } from './target';
import { warningEffects, type WarningEnv } from './warnings';

// Around the clock, 4 hours from 12:00Z: 75% at 15:00Z, breach at 16:00Z.
const clock: SlaClock = {
  id: 5,
  ...startClock(
    {
      incidentId: 9,
      teamId: 2,
      kind: 'resolution',
      cycle: 1,
      policyId: 1,
      calendar: '24x7',
      target: { amount: 4, unit: 'business_hours' },
    },
    '2026-03-02T12:00:00.000Z',
    aroundTheClock,
  ),
};
const member = (id: number) => ({ id, name: `M${id}`, email: `m${id}@handoff.test` });
const env = (over: Partial<WarningEnv> = {}): WarningEnv => ({
  clock,
  incident: { id: 9, number: 'INC-000009', ownerTeamId: 2, ownerAgentId: 30 },
  team: { id: 2, name: 'SNCC-Sysops', notify: 'everyone', members: [member(20), member(21)] },
  owner: { id: 30, name: 'Owner', email: 'owner@handoff.test' },
  lead: { id: 40, name: 'Lead', email: 'lead@handoff.test' },
  ...over,
});

describe('warnings', () => {
  test.each([
    ['before 75%: nothing', env(), '2026-03-02T14:59:59.000Z', null],
    [
      'at 75%: the team and the owner, in-app and by mail to every member and the owner',
      env(),
      '2026-03-02T15:00:00.000Z',
      {
        levels: ['at_risk'],
        notified: ['team:2', 'user:30'],
        mailed: ['m20@handoff.test', 'm21@handoff.test', 'owner@handoff.test'],
        next: '2026-03-02T16:00:00.000Z',
      },
    ],
    [
      'at 75% for a team that wants no mail: in-app only',
      env({ team: { id: 2, name: 'SNCC-Sysops', notify: 'nobody', members: [member(20)] } }),
      '2026-03-02T15:00:00.000Z',
      {
        levels: ['at_risk'],
        notified: ['team:2', 'user:30'],
        mailed: [],
        next: '2026-03-02T16:00:00.000Z',
      },
    ],
    [
      'at 75% without an owner: the team only; the owner among the members is mailed once',
      env({
        owner: null,
        incident: { id: 9, number: 'INC-000009', ownerTeamId: 2, ownerAgentId: null },
      }),
      '2026-03-02T15:00:00.000Z',
      {
        levels: ['at_risk'],
        notified: ['team:2'],
        mailed: ['m20@handoff.test', 'm21@handoff.test'],
        next: '2026-03-02T16:00:00.000Z',
      },
    ],
    [
      'an owner who is a member is mailed once',
      env({ owner: member(20) }),
      '2026-03-02T15:00:00.000Z',
      {
        levels: ['at_risk'],
        notified: ['team:2', 'user:20'],
        mailed: ['m20@handoff.test', 'm21@handoff.test'],
        next: '2026-03-02T16:00:00.000Z',
      },
    ],
    [
      'at breach after the 75% one: the lead',
      env({
        clock: { ...clock, warnedAt: '2026-03-02T15:00:00.000Z', nextWarningAt: clock.dueAt },
      }),
      '2026-03-02T16:00:00.000Z',
      { levels: ['breached'], notified: ['user:40'], mailed: ['lead@handoff.test'], next: null },
    ],
    [
      'at breach with no lead: journaled, nobody to tell',
      env({ lead: null, clock: { ...clock, warnedAt: '2026-03-02T15:00:00.000Z' } }),
      '2026-03-02T16:00:00.000Z',
      { levels: ['breached'], notified: [], mailed: [], next: null },
    ],
    [
      'a scheduler that was down gives both at once',
      env(),
      '2026-03-02T18:00:00.000Z',
      {
        levels: ['at_risk', 'breached'],
        notified: ['team:2', 'user:30', 'user:40'],
        mailed: ['m20@handoff.test', 'm21@handoff.test', 'owner@handoff.test', 'lead@handoff.test'],
        next: null,
      },
    ],
  ] as const)('%s', (_name, e, now, expected) => {
    const out = warningEffects(e, now);
    if (expected === null) {
      expect(out).toBeNull();
      return;
    }
    expect(out).not.toBeNull();
    const writes = out!.writes;
    expect(writes[0]).toMatchObject({
      op: 'update',
      entity: 'slaClock',
      id: 5,
      expectedVersion: 1,
      set: { version: 2, nextWarningAt: expected.next },
    });
    expect(writes.slice(1)).toEqual(
      expected.levels.map((level) => ({
        op: 'insert',
        entity: 'slaWarning',
        values: { clockId: 5, level, firedAt: now },
      })),
    );
    expect(
      out!.journal.map((j) => (j.entry as { data: { slaWarning: string } }).data.slaWarning),
    ).toEqual(expected.levels);
    expect(out!.notifications.map((n) => `${n.draft.audience}:${n.draft.targetId}`)).toEqual(
      expected.notified,
    );
    expect(out!.outbox.map((m) => m.toAddress)).toEqual(expected.mailed);
    expect(out!.events).toMatchObject([
      { entity: 'slaClock', entityId: 9, kind: expected.levels.at(-1) },
    ]);
  });
  test('the words name the incident, the clock, the target and the due', () => {
    const out = warningEffects(env(), '2026-03-02T15:00:00.000Z')!;
    expect(out.notifications[0]!.draft.subject).toBe(
      'INC-000009: Resolution (4 business hours, SNCC-Sysops) at 75%',
    );
    expect(out.notifications[0]!.draft.body).toContain('breaches Monday, March 2, 10:00 AM');
  });
  test('a paused clock gives none', () => {
    expect(
      warningEffects(env({ clock: { ...clock, runningSince: null } }), '2026-03-03T00:00:00.000Z'),
    ).toBeNull();
  });
});
