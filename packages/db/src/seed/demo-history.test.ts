import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { incidents, slaClocks, auditEvents } from '../schema';
import { createTestDb, type TestDb } from '../testing';
import { seedDemoHistory } from './demo-history';

const now = '2026-11-24T16:00:00.000Z';
let t: TestDb;
let made = 0;
beforeAll(() => {
  t = createTestDb({ now });
  const started = Date.now();
  made = seedDemoHistory(t.db, { now });
  console.log(`demo history: ${made} incidents in ${Date.now() - started} ms`);
}, 120_000);
afterAll(() => t.close());

describe('demo history', () => {
  test('four weeks of finished incidents, the same on every install', { timeout: 120_000 }, () => {
    const again = createTestDb({ now });
    try {
      expect(seedDemoHistory(again.db, { now })).toBe(made);
    } finally {
      again.close();
    }
    expect(made).toBeGreaterThan(200);
    const open = t.db
      .select({ n: count() })
      .from(incidents)
      .where(inArray(incidents.status, ['new', 'assigned', 'in_progress', 'pending_customer']))
      .get()!.n;
    // Only the base demo's open incidents: history adds none to the queues.
    expect(open).toBeLessThan(20);
  });

  test('its clocks were given by the engine: met and breached ones, kept and broken CPS promises, hand-offs', () => {
    const outcomes = (kind: 'resolution' | 'contact_by') =>
      new Set(
        t.db
          .select({ o: slaClocks.outcome })
          .from(slaClocks)
          .where(eq(slaClocks.kind, kind))
          .all()
          .map((r) => r.o),
      );
    expect(outcomes('resolution')).toEqual(new Set(['met', 'breached', 'handed_off', null]));
    expect([...outcomes('contact_by')]).toEqual(expect.arrayContaining(['met', 'breached']));
  });

  test('the routes are in the audit trail, ping-pong included', () => {
    const moves = t.db.select().from(auditEvents).where(eq(auditEvents.field, 'ownerTeamId')).all();
    const byIncident = new Map<number, typeof moves>();
    for (const m of moves)
      byIncident.set(m.incidentId, [...(byIncident.get(m.incidentId) ?? []), m]);
    const pingPong = [...byIncident.values()].filter((ms) =>
      ms.some((m, i) => i > 0 && m.toValue === ms[i - 1]!.fromValue),
    );
    expect(pingPong.length).toBeGreaterThan(0);
  });
});
