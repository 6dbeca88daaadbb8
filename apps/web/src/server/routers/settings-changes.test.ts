// The remaining aggregates' writes (issue 12): presence, on-call contacts, mail templates, a team's
// e-mail setting, holidays, leadership contacts and SLA policies each commit exactly the change
// events their effects name, and one failing at the change feed leaves its rows as they were.
// Data from the fixture builders, not the demo seed.
import { describe, expect, test } from 'vitest';
import { changeFeed, first, tablesOf, type Db } from '@handoff/db';
import { buildTeam, buildUser } from '@handoff/db/testing/builders';
import { rejectionOf } from '../test-callers';
import { changeKit, rowCounts, failureText } from '../testing/change-kit';

let db: Db;
const { callerOf, refuseInsertsInto } = changeKit((opened) => (db = opened), {
  clock: '2026-12-01T16:00:00.000Z',
});

type Caller = ReturnType<typeof callerOf>;

const contact = { schedule: 'aims' as const, name: 'Ann', phone: '608-555-0100', position: 0 };
const template = {
  key: 'customer-note' as const,
  subject: 'An update on {{number}}',
  body: 'Hello {{callerName}},\n\n{{note}}',
};

interface Desk {
  team: { id: number };
  agent: { id: number };
  admin: { id: number };
}

/** [what, run (returns the events it should commit, in order, without actorId), who runs it] */
const cases: [string, (c: Caller, d: Desk) => Promise<object[]>, 'agent' | 'admin'][] = [
  [
    'presence.set',
    async (c, d) => {
      await (await c).presence.set({ presence: 'not_ready' });
      return [{ entity: 'user', entityId: d.agent.id, kind: 'presence' }];
    },
    'agent',
  ],
  [
    'oncall.create / update / remove',
    async (c) => {
      const { id } = await (await c).oncall.create(contact);
      await (await c).oncall.update({ ...contact, id, name: 'Ann B.' });
      await (await c).oncall.remove({ id });
      return [
        { entity: 'oncallContact', entityId: id, kind: 'created' },
        { entity: 'oncallContact', entityId: id, kind: 'updated' },
        { entity: 'oncallContact', entityId: id, kind: 'removed' },
      ];
    },
    'admin',
  ],
  [
    'mail.saveTemplate / resetTemplate',
    async (c) => {
      await (await c).mail.saveTemplate(template);
      await (await c).mail.resetTemplate({ key: template.key });
      return [
        { entity: 'mailTemplate', kind: 'saved:customer-note' },
        { entity: 'mailTemplate', kind: 'reset:customer-note' },
      ];
    },
    'admin',
  ],
  [
    'mail.setTeamNotify',
    async (c, d) => {
      await (await c).mail.setTeamNotify({ teamId: d.team.id, notify: 'nobody' });
      return [{ entity: 'team', entityId: d.team.id, teamIds: [d.team.id] }];
    },
    'admin',
  ],
  [
    'admin.addHoliday / removeHoliday',
    async (c) => {
      await (await c).admin.addHoliday({ date: '2026-12-24', name: 'Winter break' });
      await (await c).admin.removeHoliday({ date: '2026-12-24' });
      return [
        { entity: 'holiday', entityId: 0, kind: 'added:2026-12-24' },
        { entity: 'holiday', entityId: 0, kind: 'removed:2026-12-24' },
      ];
    },
    'admin',
  ],
  [
    'admin.saveLeadershipContact (new, then edited)',
    async (c) => {
      await (
        await c
      ).admin.saveLeadershipContact({ name: 'Lou Lead', contact: 'Teams', position: 0 });
      const id = (await first(db.select().from(tablesOf(db).leadershipContacts)))!.id;
      await (
        await c
      ).admin.saveLeadershipContact({ id, name: 'Lou Lead', contact: 'Phone', position: 0 });
      return [
        { entity: 'leadershipContact', entityId: id, kind: 'created' },
        { entity: 'leadershipContact', entityId: id, kind: 'updated' },
      ];
    },
    'admin',
  ],
  [
    'sla.savePolicy',
    async (c, d) => {
      await (
        await c
      ).sla.savePolicy({
        teamId: d.team.id,
        urgency: null,
        channel: null,
        calendar: '24x7',
        firstResponse: { amount: 2, unit: 'business_hours' },
        resolution: { amount: 3, unit: 'business_days' },
      });
      return [{ entity: 'slaPolicy', teamIds: [d.team.id] }];
    },
    'admin',
  ],
];

async function desk(): Promise<Desk> {
  const team = await buildTeam(db, { name: 'US - Help Desk CPS' });
  const agent = await buildUser(db, { role: 'cps' }, [team.id]);
  const admin = await buildUser(db, { role: 'admin' });
  return { team, agent, admin };
}

describe('each mutation commits exactly the change events its effects name', () => {
  test.each(cases)('%s', async (_, run, who) => {
    const d = await desk();
    const before = await changeFeed.findLatestChangeId(db);
    const expected = await run(callerOf(d[who].id), d);
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toMatchObject(expected.map((e) => ({ ...e, actorId: d[who].id })));
    expect(events).toHaveLength(expected.length);
  });
});

const tableCounts = () =>
  rowCounts(db, [
    'oncallContacts',
    'mailTemplates',
    'holidays',
    'leadershipContacts',
    'slaPolicies',
    'adminAudit',
    'changeEvents',
  ]);
const snapshot = async () => ({
  counts: await tableCounts(),
  users: await db.select().from(tablesOf(db).users).orderBy(tablesOf(db).users.id),
  teams: await db.select().from(tablesOf(db).teams).orderBy(tablesOf(db).teams.id),
});

describe('failing at the change feed leaves the rows as they were', () => {
  test.each(cases)('%s', async (_, run, who) => {
    const d = await desk();
    const before = await snapshot();
    await refuseInsertsInto('change_events');
    expect(failureText(await rejectionOf(run(callerOf(d[who].id), d)))).toMatch(/disk full/);
    expect(await snapshot()).toEqual(before);
  });
});
