import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createIncident, type ChangeEvent, newIncidentEffects } from '@handoff/domain';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { reserveNumberSync } from '../repositories/incident';
import { changeEvents } from '../schema';
import { createTestDb, type TestDb } from '../testing';
import { buildService, buildTeam, buildUser } from '../testing/builders';
import { changesSince, latestChangeId, pruneChanges, retentionDays } from './changes-since';
import { subscribe } from './subscribe';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(() => t.close());

const now = '2026-11-24T16:00:00.000Z';

/** Commits a new incident of `team`, created by `user`, and returns its change id. */
async function createOne(team: number, user: number, at = now): Promise<number> {
  const service = (await buildService(db)).id;
  const actor = { id: user, name: 'A', role: 'l1' as const, teamIds: [team], customerId: null };
  const drafts = createIncident({
    input: {
      callerName: 'C',
      callerPhone: '1',
      serviceId: service,
      description: 'd',
      channel: 'phone',
    },
    actor,
    now: at,
    ownerTeamId: team,
  });
  return commitSync(db, (read) =>
    newIncidentEffects(drafts, { number: reserveNumberSync(read), now: at }),
  ).changeIds[0]!;
}

describe('changesSince', () => {
  test('hands out changes after an id in commit order, within a scope of teams, people and entities', async () => {
    const [a, b] = [(await buildTeam(db)).id, (await buildTeam(db)).id];
    const [ua, ub] = [(await buildUser(db)).id, (await buildUser(db)).id];
    const ids = [await createOne(a, ua), await createOne(b, ub), await createOne(a, ub)];
    expect(changesSince(db, 0).map((c) => c.id)).toEqual(ids);
    expect(changesSince(db, ids[0]!).map((c) => c.id)).toEqual(ids.slice(1));
    expect(changesSince(db, 0, { teamIds: [a] }).map((c) => c.id)).toEqual([ids[0], ids[2]]);
    expect(changesSince(db, 0, { userIds: [ub] }).map((c) => c.id)).toEqual([ids[1], ids[2]]);
    expect(changesSince(db, 0, { teamIds: [a], userIds: [ub] }).map((c) => c.id)).toEqual(ids);
    expect(changesSince(db, 0, { teamIds: [] })).toEqual([]);
    expect(changesSince(db, 0, { entities: ['incident'] }, 2).map((c) => c.id)).toEqual(
      ids.slice(0, 2),
    );
    expect(latestChangeId(db)).toBe(ids[2]);
  });

  test('prunes changes older than the retention, never reusing their ids', async () => {
    const team = (await buildTeam(db)).id;
    const user = (await buildUser(db)).id;
    const old = await createOne(team, user, '2026-10-01T00:00:00.000Z');
    const recent = await createOne(team, user, '2026-11-20T00:00:00.000Z');
    expect(await pruneChanges(db, now, 30)).toBe(1);
    expect(changesSince(db, 0).map((c) => c.id)).toEqual([recent]);
    expect(await createOne(team, user)).toBeGreaterThan(Math.max(old, recent));
    expect(db.select().from(changeEvents).all()).toHaveLength(2);
  });

  test.each([
    [{}, 30],
    [{ CHANGE_RETENTION_DAYS: '7' }, 7],
    [{ CHANGE_RETENTION_DAYS: '0.5' }, 0.5],
  ])('retention from %j is %d days', (env, days) => expect(retentionDays(env)).toBe(days));

  test.each(['0', '-3', 'soon'])('CHANGE_RETENTION_DAYS=%s is refused', (raw) =>
    expect(() => retentionDays({ CHANGE_RETENTION_DAYS: raw })).toThrow(/positive number of days/),
  );
});

describe('subscribe', () => {
  test('a local commit wakes the subscriber at once (no polling wait)', async () => {
    const team = (await buildTeam(db)).id;
    const user = (await buildUser(db)).id;
    const got: ChangeEvent[] = [];
    const sub = subscribe(db, { afterId: 0, pollMs: 60_000, onChanges: (c) => got.push(...c) });
    await new Promise((r) => setTimeout(r, 0));
    const id = await createOne(team, user);
    await new Promise((r) => setTimeout(r, 0));
    expect(got.map((c) => c.id)).toEqual([id]);
    await sub.stop();
  });

  test('a consumer restarted from its last id sees every change exactly once, in order', async () => {
    const team = (await buildTeam(db)).id;
    const user = (await buildUser(db)).id;
    const seen: number[] = [];
    const first = subscribe(db, {
      afterId: 0,
      pollMs: 60_000,
      batch: 2,
      onChanges: (c) => seen.push(...c.map((x) => x.id)),
    });
    const before = [
      await createOne(team, user),
      await createOne(team, user),
      await createOne(team, user),
    ];
    await new Promise((r) => setTimeout(r, 0));
    await first.stop();
    const last = first.lastId();
    // Committed while the consumer is down.
    const during = [await createOne(team, user), await createOne(team, user)];
    const second = subscribe(db, {
      afterId: last,
      pollMs: 60_000,
      onChanges: (c) => seen.push(...c.map((x) => x.id)),
    });
    await new Promise((r) => setTimeout(r, 0));
    const after = [await createOne(team, user)];
    await new Promise((r) => setTimeout(r, 0));
    await second.stop();
    expect(seen).toEqual([...before, ...during, ...after]);
  });
});

describe('two processes on one database', () => {
  const worker = resolve(dirname(fileURLToPath(import.meta.url)), '../testing/feed-worker.ts');
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

  type Report = { committed: number[]; seen: { id: number; entityId: number }[] };
  function start(args: (string | number)[]) {
    const child = spawn(process.execPath, ['--import', tsx, worker, ...args.map(String)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const ready = new Promise<void>((ok) => {
      const check = () => (out.startsWith('ready\n') ? ok() : child.stdout.once('data', check));
      check();
    });
    const done = new Promise<Report>((ok, fail) =>
      child.on('exit', (code) =>
        code === 0
          ? ok(JSON.parse(out.slice('ready\n'.length)) as Report)
          : fail(new Error(`feed worker exited ${code}: ${err}`)),
      ),
    );
    return { child, ready, done };
  }

  test("each process's feed sees the other's commits, every change once, in commit order", async () => {
    const team = (await buildTeam(db)).id;
    const service = (await buildService(db)).id;
    const user = (await buildUser(db)).id;
    const workers = ['a', 'b'].map((name) => start([t.path, 10, 20, team, service, user, name]));
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.end('go\n');
    const [a, b] = await Promise.all(workers.map((w) => w.done));
    const all = changesSince(db, 0).map((c) => c.id);
    expect(all).toHaveLength(20);
    for (const report of [a!, b!]) {
      expect(report.committed).toHaveLength(10);
      expect(report.seen.map((s) => s.id)).toEqual(all);
    }
    // Each saw the other's changes too (the wake-up is local; the other's come by polling).
    expect(a!.seen.map((s) => s.id)).toEqual(expect.arrayContaining(b!.committed));
    expect(b!.seen.map((s) => s.id)).toEqual(expect.arrayContaining(a!.committed));
  }, 60_000);
});
