// Exactly once among processes (issue 16): the lease row decides who runs the mail services.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createDb, type Db } from '../client';
import { createTestDb, type TestDb } from '../testing';
import { findLease, keepLease, releaseLease, tryLease } from './lease';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(() => t.close());

const at = Date.parse('2026-12-01T12:00:00.000Z');
const lease = (holder: string, nowMs: number, ttlMs = 10_000) =>
  tryLease(db, { name: 'mail', holder, nowMs, ttlMs });

describe('tryLease', () => {
  test.each([
    ['a free lease is taken', [], 'b', at, true],
    ['a current lease of another holder is refused', [['a', at]], 'b', at + 9_999, false],
    ['the holder renews its own lease', [['a', at]], 'a', at + 5_000, true],
    ['an expired lease is taken over', [['a', at]], 'b', at + 10_000, true],
  ] as const)('%s', async (_, before, holder, nowMs, expected) => {
    for (const [h, when] of before) expect(await lease(h, when)).toBe(true);
    expect(await lease(holder, nowMs)).toBe(expected);
    expect((await findLease(db, 'mail'))?.holder).toBe(expected ? holder : before[0]?.[0]);
  });

  test('renewing moves the expiry; a release frees it at once, but only by its holder', async () => {
    await lease('a', at);
    await lease('a', at + 5_000);
    expect((await findLease(db, 'mail'))?.expiresAt).toBe(new Date(at + 15_000).toISOString());
    await releaseLease(db, 'mail', 'b');
    expect(await lease('b', at + 6_000)).toBe(false);
    await releaseLease(db, 'mail', 'a');
    expect(await lease('b', at + 6_000)).toBe(true);
  });

  test('leases are per name', async () => {
    expect(await lease('a', at)).toBe(true);
    expect(await tryLease(db, { name: 'other', holder: 'b', nowMs: at, ttlMs: 1 })).toBe(true);
  });
});

describe('keepLease', () => {
  const until = async (check: () => boolean, ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  test('of two keepers (two connections, as two processes) exactly one runs the work; the other takes over when it stops', async () => {
    const second = createDb(t.path);
    const runs: string[] = [];
    const keeper = (name: string, on: Db) =>
      keepLease(on, {
        name: 'mail',
        holder: name,
        ttlMs: 300,
        start: () => void runs.push(`${name} start`),
        stop: () => void runs.push(`${name} stop`),
      });
    const a = keeper('a', db);
    await until(() => a.holds());
    const b = keeper('b', second);
    await new Promise((r) => setTimeout(r, 400));
    expect([a.holds(), b.holds()]).toEqual([true, false]);
    await a.stop();
    await until(() => b.holds());
    await b.stop();
    expect(runs).toEqual(['a start', 'a stop', 'b start', 'b stop']);
    second.$client.close();
  });

  test('a killed holder (kill -9, no release) is taken over once its lease expires', async () => {
    const worker = resolve(dirname(fileURLToPath(import.meta.url)), '../testing/lease-worker.ts');
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const child = spawn(process.execPath, ['--import', tsx, worker, t.path, 'mail', '400'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((ok) => child.stdout.once('data', () => ok()));
    let started = 0;
    const here = keepLease(db, {
      name: 'mail',
      ttlMs: 400,
      start: () => void started++,
      stop: () => {},
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(here.holds()).toBe(false);
    child.kill('SIGKILL');
    await until(() => here.holds());
    expect(started).toBe(1);
    await here.stop();
  });
});
