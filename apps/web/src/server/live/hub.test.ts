// The process-wide hub behind every live subscription: the server's clock tells the desks when a
// consult prompt came due, and viewers whose process died are swept with a `left` event.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { changeFeed, schema, type Db } from '@handoff/db';
import { buildIncident, buildUser } from '@handoff/db/testing/builders';
import { createTestDb, type TestDb } from '../test-callers';
import { createHub, type HubSignal } from './hub';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(() => t.close());

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

test('a consult prompt coming due by the server clock reaches listeners as a tick', async () => {
  const incident = await buildIncident(db);
  db.insert(schema.consultRequests)
    .values({
      incidentId: incident.id,
      team: 'cps',
      status: 'open',
      openedAt: inMs(-1000),
      busyPromptAt: inMs(150),
      assignPromptAt: inMs(100_000),
    })
    .run();
  const hub = createHub(db, { now: () => new Date().toISOString(), pollMs: 60_000 });
  const heard: HubSignal[] = [];
  const off = hub.listen((s) => heard.push(s));
  await new Promise((r) => setTimeout(r, 100));
  expect(heard).toEqual([]);
  await new Promise((r) => setTimeout(r, 250));
  off();
  expect(heard).toEqual([{ tick: expect.any(String) }]);
});

test('without an open consult no timer runs and nothing ticks', async () => {
  const hub = createHub(db, { now: () => new Date().toISOString(), pollMs: 60_000 });
  const heard: HubSignal[] = [];
  const off = hub.listen((s) => heard.push(s));
  await new Promise((r) => setTimeout(r, 200));
  off();
  expect(heard).toEqual([]);
});

test("a viewer row past its expiry (its process died) is swept with a 'left' event", async () => {
  const incident = await buildIncident(db);
  const user = await buildUser(db);
  const row = (connectionId: string, expiresAt: string) => ({
    incidentId: incident.id,
    userId: user.id,
    connectionId,
    editing: false,
    openedAt: inMs(-60_000),
    expiresAt,
  });
  db.insert(schema.incidentViewers)
    .values([row('dead', inMs(-1)), row('alive', inMs(60_000))])
    .run();
  const before = changeFeed.latestChangeId(db);
  const hub = createHub(db, { now: () => new Date().toISOString(), pollMs: 60_000, sweepMs: 50 });
  const off = hub.listen(() => undefined);
  await new Promise((r) => setTimeout(r, 200));
  off();
  expect(
    db
      .select()
      .from(schema.incidentViewers)
      .all()
      .map((v) => v.connectionId),
  ).toEqual(['alive']);
  expect(changeFeed.changesSince(db, before)).toMatchObject([
    { entity: 'incidentViewer', entityId: incident.id, kind: 'left' },
  ]);
});
