// Several server processes on one database (issue 17 item 6): a change committed by another
// process reaches this process's live subscribers (the hub polls the feed for them).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { changeFeed, type Db } from '@handoff/db';
import { buildService, buildTeam, buildUser } from '@handoff/db/testing/builders';
import { createTestDb, type TestDb } from '../test-callers';
import { actorOf, subscriber } from './testing';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(() => t.close());

// The change feed's own two-process worker: commits `count` incidents from another process.
const worker = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../packages/db/src/testing/feed-worker.ts',
);
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function commitFromAnotherProcess(args: (string | number)[]): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', tsx, worker, ...args.map(String)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString();
    if (out.startsWith('ready\n')) child.stdin.end('go\n');
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  return new Promise((ok, fail) =>
    child.on('exit', (code) =>
      code === 0
        ? ok((JSON.parse(out.slice('ready\n'.length)) as { committed: number[] }).committed)
        : fail(new Error(`worker exited ${code}: ${err}`)),
    ),
  );
}

test("another process's commits reach this process's subscriber, each once, in order", async () => {
  const team = (await buildTeam(db)).id;
  const service = (await buildService(db)).id;
  const user = (await buildUser(db, { role: 'l1' }, [team])).id;
  const sub = subscriber(db, await actorOf(db, user));
  await sub.settle();
  const committed = await commitFromAnotherProcess([t.path, 5, 5, team, service, user, 'other']);
  const got = await sub.untilChanges(5, 10_000);
  await sub.stop();
  expect(got.map((c) => c.id)).toEqual(committed);
  expect(got.map((c) => c.kind)).toEqual(Array(5).fill('created'));
  expect(changeFeed.changesSince(db, 0).map((c) => c.id)).toEqual(committed);
}, 60_000);
