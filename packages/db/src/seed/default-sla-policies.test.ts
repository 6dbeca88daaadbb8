// Issue 18: a database set up without demo data (migrate + reference data) has the kb's targets as
// SLA policies, so the one clock engine runs every team's clocks with no demo data at all.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { effects, incidentEvent, incidentUpdate } from '@handoff/domain';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { findClocksSync, findCurrentPoliciesSync } from '../repositories/sla';
import { incidents, slaPolicies, teamLeads, teams, users } from '../schema';
import { createTestDb, type TestDb } from '../testing';
import { buildIncident } from '../testing/builders';
import { defaultPolicies } from './default-sla-policies';
import { loadInitialData } from './initial-data';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(() => t.close());

const teamId = (name: string) => db.select().from(teams).where(eq(teams.name, name)).get()!.id;

describe('default SLA policies without demo data', () => {
  test('migrate alone has no teams, so no policies; the non-demo setup adds one per default', () => {
    expect(db.select().from(slaPolicies).all()).toEqual([]);
    expect(loadInitialData(db, { now: '2026-11-24T16:00:00.000Z', demo: false })).toBe('reference');
    expect(db.select().from(users).all()).toEqual([]);
    expect(db.select().from(teamLeads).all()).toEqual([]);
    expect(findCurrentPoliciesSync(db)).toHaveLength(defaultPolicies.length);
  });

  test.each([
    // kb 000: CPS contacts within 4 business hours, on CPS hours.
    ['US - Help Desk CPS', 'cps', 4, 'business_hours'],
    // kb 004: technologists respond to a Primary TP within one business day.
    ['Middleware', 'cps', 1, 'business_days'],
    ['DRMT', 'cps', 1, 'business_days'],
    // kb 001: the after-hours technician calls within an hour, around the clock.
    ['EAST', '24x7', 60, 'minutes'],
  ] as const)('%s responds within %s %s %s', (team, calendar, amount, unit) => {
    loadInitialData(db, { now: '2026-11-24T16:00:00.000Z', demo: false });
    const policy = findCurrentPoliciesSync(db).find(
      (p) => p.teamName === team && p.policy.urgency === null,
    )!.policy;
    expect(policy).toMatchObject({
      calendar,
      firstResponseAmount: amount,
      firstResponseUnit: unit,
      channel: null,
      supersededAt: null,
    });
  });

  test('the engine starts a CPS incident’s clocks from the default policy', async () => {
    loadInitialData(db, { now: '2026-11-24T16:00:00.000Z', demo: false });
    const cps = teamId('US - Help Desk CPS');
    // Monday 10:00 Chicago (16:00Z): 4 business hours on CPS hours is 14:00 Chicago.
    const incident = await buildIncident(db, {
      ownerTeamId: cps,
      createdAt: '2026-11-23T16:00:00.000Z',
    });
    const at = '2026-11-23T16:00:00.000Z';
    commitSync(db, (read) => {
      const current = read.select().from(incidents).where(eq(incidents.id, incident.id)).get()!;
      const next = { description: 'More detail', version: current.version + 1, updatedAt: at };
      return effects(at, {
        writes: [incidentUpdate(current, next, current.version)],
        events: [incidentEvent(current.id, 'edited', null, current, next)],
      });
    });
    expect(
      findClocksSync(db, incident.id).map((c) => [c.kind, c.targetLabel, c.dueAt, c.calendar]),
    ).toEqual([
      // Thanksgiving (26th) and the day after are university holidays.
      ['resolution', '3 business days', '2026-11-30T16:00:00.000Z', 'cps'],
      ['first_response', '4 business hours', '2026-11-23T20:00:00.000Z', 'cps'],
    ]);
  });
});
