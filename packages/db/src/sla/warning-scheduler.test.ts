import { effects, incidentEvent, incidentUpdate, warningEffects } from '@handoff/domain';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { changesSince, latestChangeId } from '../change-feed';
import { createDb, type Db } from '../client';
import { commitSync } from '../commit/commit';
import { findClocks } from '../repositories/sla';
import {
  incidents,
  journalEntries,
  notifications,
  outbox,
  slaWarnings,
  teamLeads,
} from '../schema';
import { createTestDb, type TestDb } from '../testing';
import { buildIncident, buildSlaPolicy, buildTeam, buildUser } from '../testing/builders';
import { fireDueWarnings, startWarningScheduler } from './warning-scheduler';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(() => t.close());

// A 24x7 team: 1 h to respond (75% at 12:45), 8 h to resolve (75% at 18:00, breach at 20:00).
async function setUp() {
  const team = await buildTeam(db, { notify: 'everyone' });
  await buildSlaPolicy(db, { teamId: team.id });
  const member = await buildUser(db, { email: 'member@handoff.test' }, [team.id]);
  const lead = await buildUser(db, { email: 'lead@handoff.test' }, [team.id]);
  db.insert(teamLeads).values({ teamId: team.id, userId: lead.id }).run();
  const incident = await buildIncident(db, {
    ownerTeamId: team.id,
    createdAt: '2026-03-02T12:00:00.000Z',
  });
  commitSync(db, (read) => {
    const cur = read.select().from(incidents).where(eq(incidents.id, incident.id)).get()!;
    const set = {
      ownerAgentId: member.id,
      status: 'in_progress' as const,
      version: 2,
      updatedAt: 'x',
    };
    return effects('2026-03-02T12:00:00.000Z', {
      writes: [incidentUpdate(cur, set, 1)],
      events: [incidentEvent(cur.id, 'edited', null, cur, set)],
    });
  });
  return { team, member, lead, incident };
}

const given = () =>
  db
    .select({ level: slaWarnings.level })
    .from(slaWarnings)
    .all()
    .map((w) => w.level);

describe('the warning scheduler', () => {
  test('gives each warning once: 75% to the owner and team, breach to the lead, journaled', async () => {
    const { incident, lead, member } = await setUp();
    expect(await fireDueWarnings(db, '2026-03-02T17:59:59.000Z')).toBe(0);
    const before = latestChangeId(db);
    expect(await fireDueWarnings(db, '2026-03-02T18:00:00.000Z')).toBe(1);
    expect(given()).toEqual(['at_risk']);
    expect(changesSince(db, before)).toMatchObject([
      { entity: 'slaClock', entityId: incident.id, kind: 'at_risk' },
    ]);
    expect(await fireDueWarnings(db, '2026-03-02T19:00:00.000Z')).toBe(0);
    expect(await fireDueWarnings(db, '2026-03-02T20:00:00.000Z')).toBe(1);
    expect(await fireDueWarnings(db, '2026-03-03T20:00:00.000Z')).toBe(0);
    expect(given()).toEqual(['at_risk', 'breached']);
    const notes = db.select().from(notifications).all();
    expect(notes.map((n) => `${n.audience}:${n.targetId}:${n.template}`)).toEqual([
      `team:${incident.ownerTeamId}:sla-at_risk`,
      `user:${member.id}:sla-at_risk`,
      `user:${lead.id}:sla-breached`,
    ]);
    expect(
      db
        .select()
        .from(outbox)
        .all()
        .map((m) => [m.toAddress, m.template]),
    ).toEqual([
      ['member@handoff.test', 'sla-at_risk'],
      ['lead@handoff.test', 'sla-at_risk'],
      ['lead@handoff.test', 'sla-breached'],
    ]);
    expect(
      db
        .select()
        .from(journalEntries)
        .where(eq(journalEntries.incidentId, incident.id))
        .all()
        .map((j) => j.body),
    ).toEqual([
      expect.stringMatching(/^SLA warning: INC-\d+ has used 75% of its Resolution/),
      expect.stringMatching(/^SLA warning: INC-\d+ breached its Resolution/),
    ]);
  });

  test('a second scheduler on the same database, and a restart, give nothing twice', async () => {
    await setUp();
    const other = createDb(t.path);
    try {
      expect(await fireDueWarnings(db, '2026-03-02T18:00:00.000Z')).toBe(1);
      // Another process on the same file, and this one restarted: the warning is given already.
      expect(await fireDueWarnings(other, '2026-03-02T18:00:00.000Z')).toBe(0);
      const restarted = createDb(t.path);
      expect(await fireDueWarnings(restarted, '2026-03-02T18:30:00.000Z')).toBe(0);
      restarted.$client.close();
      expect(await fireDueWarnings(other, '2026-03-02T20:00:00.000Z')).toBe(1);
      expect(await fireDueWarnings(db, '2026-03-02T20:00:00.000Z')).toBe(0);
    } finally {
      other.$client.close();
    }
    expect(given()).toEqual(['at_risk', 'breached']);
    expect(db.select().from(notifications).all()).toHaveLength(3);
  });

  test('a racer that decided on a stale clock loses on the unique key and writes nothing', async () => {
    const { incident } = await setUp();
    const clock = (await findClocks(db, incident.id)).find((c) => c.kind === 'resolution')!;
    const stale = warningEffects(
      {
        clock,
        incident,
        team: { id: clock.teamId, name: 'T', notify: 'nobody', members: [] },
        owner: null,
        lead: null,
      },
      '2026-03-02T18:00:00.000Z',
    )!;
    await fireDueWarnings(db, '2026-03-02T18:00:00.000Z');
    const before = latestChangeId(db);
    // Without the version check, only the unique key stands in the way.
    const unguarded = {
      ...stale,
      writes: stale.writes.map((w) => ({ ...w, expectedVersion: undefined })),
    };
    expect(() => commitSync(db, unguarded)).toThrow(/UNIQUE/);
    expect(() => commitSync(db, stale)).toThrow(/changed by someone else/);
    expect(given()).toEqual(['at_risk']);
    expect(changesSince(db, before)).toEqual([]);
  });

  test('starts with a pass, and stops', async () => {
    await setUp();
    const stop = startWarningScheduler(db, () => '2026-03-02T18:00:00.000Z', {
      everyMs: 60_000,
    });
    // The first pass starts at once and finishes after its loads.
    await vi.waitFor(() => expect(given()).toEqual(['at_risk']));
    stop();
  });

  test('a failing pass is reported, not thrown', () => {
    const errors: unknown[] = [];
    const stop = startWarningScheduler(
      db,
      () => {
        throw new Error('clock broke');
      },
      { onError: (e) => errors.push(e) },
    );
    stop();
    expect(errors).toEqual([new Error('clock broke')]);
  });
});
