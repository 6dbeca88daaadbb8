// Issue 18: an incident's SLA clocks, and the policies administrators set.
import { describe, expect, test } from 'vitest';
import { slaRepository, tablesOf, teamRepository } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { asc, eq } from 'drizzle-orm';
import { callerFor, fixedClock, rejectionOf, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
// Tuesday 10:00 in Chicago.
const at = '2026-11-24T16:00:00.000Z';

async function newEmail(now = fixedClock(at)) {
  return (await callerFor(dbs.db, 'l1@handoff.test', now)).incident.create({
    callerName: 'Pat Caller',
    callerEmail: 'pat@example.edu',
    serviceId: demoKeys(dbs.db).service('DoIT Departmental Support').id,
    description: 'Cannot print',
    channel: 'email',
  });
}

describe('sla.clocks', () => {
  test('a new incident shows its team’s clocks on the General Help Desk calendar, by a staff member', async () => {
    const { id } = await newEmail();
    const clocks = await (
      await callerFor(dbs.db, 'hdqa@handoff.test', fixedClock('2026-11-24T16:45:00.000Z'))
    ).sla.clocks({
      incidentId: id,
    });
    expect(clocks.map((c) => [c.label, c.teamName, c.target, c.state, c.calendar])).toEqual([
      ['Resolution', 'US - Help Desk', '2 business days', 'running', 'general_hd'],
      // L1 owns the e-mail it logged: responded at once.
      ['First response', 'US - Help Desk', '1 business hour', 'stopped', 'general_hd'],
    ]);
    expect(clocks[0]).toMatchObject({ usedMs: 45 * 60_000, atRisk: false, breached: false });
  });

  test('a customer may not see the clocks', async () => {
    const { id } = await newEmail();
    const e = await rejectionOf(
      (await callerFor(dbs.db, 'customer@handoff.test')).sla.clocks({ incidentId: id }),
    );
    expect(e).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('sla.savePolicy', () => {
  test('an administrator’s edit applies to incidents created after it; earlier ones keep their targets', async () => {
    const db = dbs.db;
    const helpDesk = (await teamRepository.findByName(db, 'US - Help Desk'))!.id;
    const before = await newEmail(fixedClock('2026-11-24T15:00:00.000Z'));
    const admin = await callerFor(db, 'admin@handoff.test', fixedClock('2026-11-24T15:30:00.000Z'));
    await admin.sla.savePolicy({
      teamId: helpDesk,
      urgency: null,
      channel: null,
      calendar: 'general_hd',
      firstResponse: { amount: 2, unit: 'business_hours' },
      resolution: { amount: 4, unit: 'business_hours' },
    });
    const after = await newEmail(fixedClock(at));
    const targets = async (id: number) =>
      (await slaRepository.findClocks(db, id)).map((c) => `${c.kind}: ${c.targetLabel}`);
    expect(await targets(before.id)).toEqual([
      'resolution: 2 business days',
      'first_response: 1 business hour',
    ]);
    expect(await targets(after.id)).toEqual([
      'resolution: 4 business hours',
      'first_response: 2 business hours',
    ]);
    // The old version is kept, superseded, with who replaced it in the new one.
    const { slaPolicies } = tablesOf(db);
    const versions = await db
      .select()
      .from(slaPolicies)
      .where(eq(slaPolicies.teamId, helpDesk))
      .orderBy(asc(slaPolicies.id));
    expect(
      versions
        .filter((p) => p.urgency === null)
        .map((p) => [p.supersededAt, p.createdById !== null]),
    ).toEqual([
      ['2026-11-24T15:30:00.000Z', false],
      [null, true],
    ]);
  });

  test('the same targets again change nothing and say so; only administrators edit', async () => {
    const db = dbs.db;
    const input = {
      teamId: (await teamRepository.findByName(db, 'US - Help Desk'))!.id,
      urgency: null,
      channel: null,
      calendar: 'general_hd' as const,
      firstResponse: { amount: 1, unit: 'business_hours' as const },
      resolution: { amount: 2, unit: 'business_days' as const },
    };
    const count = async () => (await db.select().from(tablesOf(db).slaPolicies)).length;
    const n = await count();
    expect(
      await rejectionOf((await callerFor(db, 'admin@handoff.test')).sla.savePolicy(input)),
    ).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(
      await rejectionOf((await callerFor(db, 'hdqa@handoff.test')).sla.savePolicy(input)),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await rejectionOf(
        (await callerFor(db, 'admin@handoff.test')).sla.savePolicy({
          ...input,
          resolution: { amount: 0, unit: 'business_days' },
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await count()).toBe(n);
  });
});
