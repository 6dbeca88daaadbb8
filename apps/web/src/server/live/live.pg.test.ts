// Live updates on PostgreSQL (issue 20): the hub and the live.changes subscription on server A's pg
// Reader hear what server B (another pool on the same database) commits. The hub's test polls
// only every minute, so only LISTEN/NOTIFY can bring B's change in time.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { effects, incidentEvent, type Actor, type Incident } from '@handoff/domain';
import { changeFeed, commit, type Db } from '@handoff/db';
import { createPgDb, pgReader, type PgDb } from '@handoff/db/pg';
import { copyToPg, type PgCopy } from '@handoff/db/pg/testing';
import { buildIncident, buildTeam, buildUser } from '@handoff/db/testing/builders';
// The SQLite source the pg copy is moved from: opened on purpose in the pg run.
import { createTestDb, type TestDb } from '@handoff/db/testing';
import { createHub, type HubSignal } from './hub';
import { actorOf, subscriber } from './testing';

let lite: TestDb;
let pg: PgCopy;
/** Server A's Reader (where the hub and the subscriptions run) and server B's pool and Reader. */
let a: Db;
let poolB: PgDb;
let b: Db;
let agent: Actor;
let incident: Incident;
beforeAll(async () => {
  lite = createTestDb({ seed: false });
  const desk = await buildTeam(lite.db, { name: 'US - Help Desk', kind: 'help_desk' });
  const agentId = (await buildUser(lite.db, { role: 'tier2', name: 'Lee Agent' }, [desk.id])).id;
  incident = await buildIncident(lite.db, { ownerTeamId: desk.id });
  pg = await copyToPg(lite.db);
  a = pg.reader;
  poolB = createPgDb(pg.url, { max: 2 });
  b = pgReader(poolB);
  agent = await actorOf(a, agentId);
}, 60_000);
afterAll(async () => {
  await poolB?.$client.end();
  lite?.close();
  await pg?.close();
});

const now = () => new Date().toISOString();
/** Server B edits the incident (one change event). */
const editOnB = async () =>
  (
    await commit(
      b,
      effects(now(), { events: [incidentEvent(incident.id, 'edited', agent.id, incident)] }),
    )
  ).changeIds[0]!;

const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('live updates on a pg Reader', () => {
  test("the hub on server A receives a change server B committed (NOTIFY, not A's poll)", async () => {
    const hub = createHub(a, { now, pollMs: 60_000 });
    const heard: HubSignal[] = [];
    const off = hub.listen((s) => heard.push(s));
    await hub.ready();
    const id = await editOnB();
    await until(() => heard.length > 0);
    off();
    expect(heard).toEqual([
      { changes: [expect.objectContaining({ id, entity: 'incident', entityId: incident.id })] },
    ]);
    expect(hub.lastId()).toBe(id);
  });

  test("live.changes on server A streams B's commits, and resumes from the last event id", async () => {
    const sub = subscriber(a, agent);
    await sub.settle();
    const first = await editOnB();
    expect((await sub.untilChanges(1)).map((c) => [c.id, c.entityId])).toEqual([
      [first, incident.id],
    ]);
    await sub.stop();
    // Committed while the page was away: the resumed subscription catches up on pg.
    const away = [await editOnB(), await editOnB()];
    const resumed = subscriber(a, agent, { lastEventId: String(first) });
    await resumed.settle();
    const after = await editOnB();
    const got = await resumed.untilChanges(3);
    await resumed.stop();
    expect(got.map((c) => c.id)).toEqual([...away, after]);
    expect(await changeFeed.findLatestChangeId(a)).toBe(after);
  });
});
