// Procedure-test helpers: the real router over a real, seeded SQLite file, called as a demo user.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { DomainError, type Role } from '@handoff/domain';
import { createDb, incidentRepository, tablesOf, userRepository, type Db } from '@handoff/db';
import {
  createTestDb as createSqliteTestDb,
  registerSeedSource,
  type TestDb,
} from '@handoff/db/testing';
import { testEngine } from '@handoff/db/testing/change-kit';
import { createCaller } from './root';

export { type TestDb };

/**
 * A seeded SQLite database of the test's own. Refused in the PostgreSQL run: a test file there must
 * open its databases with `useSeededDbs()` (or the change kit), or it would run on SQLite twice.
 */
export function createTestDb(options?: Parameters<typeof createSqliteTestDb>[0]): TestDb {
  if (testEngine() === 'pg')
    throw new Error(
      'createTestDb opens SQLite, but this is the PostgreSQL run: open the database with useSeededDbs().',
    );
  return createSqliteTestDb(options);
}

/**
 * Seeds one demo database (slow: every login's password is hashed with scrypt) and hands out
 * byte-for-byte copies of its file, so each test still gets its own real SQLite database.
 * Call `fresh()` per test and `dispose()` once the file's tests are done.
 */
export function seededTemplate() {
  const template = createSqliteTestDb();
  // Fold the WAL into the main file, so copying that one file copies the whole database.
  template.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const copies: TestDb[] = [];
  return {
    fresh(): TestDb {
      const dir = mkdtempSync(join(tmpdir(), 'handoff-test-'));
      const path = join(dir, 'test.db');
      copyFileSync(template.path, path);
      const db = createDb(path);
      const copy = {
        db,
        path,
        close: () => {
          if (db.$client.open) db.$client.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
      copies.push(copy);
      return copy;
    },
    dispose() {
      for (const c of copies.splice(0)) c.close();
      template.close();
    },
  };
}

/** A clock that always reads `at` (Tuesday 10:00 in Chicago unless told otherwise). */
export const fixedClock =
  (at = '2026-11-24T16:00:00.000Z') =>
  () =>
    at;

/** A clock that moves one minute per reading, so rows made in a test have distinct, rising times. */
export function steppingClock(start = '2026-11-25T09:00:00.000Z') {
  let tick = 0;
  return () => new Date(Date.parse(start) + 60_000 * tick++).toISOString();
}

/** The caller for a seeded demo login (e.g. `l1@handoff.test`), or for nobody when `email` is null. */
export async function callerFor(db: Db, email: string | null, now: () => string = steppingClock()) {
  if (email === null) return createCaller({ db, actor: null, now });
  const user = await userRepository.findByEmail(db, email);
  const actor = user && (await userRepository.findActorById(db, user.id));
  if (!actor) throw new Error(`No demo user ${email}`);
  return createCaller({ db, actor, now });
}

/** The rejection of a call, for assertions on its code and cause. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('Expected the call to be refused, but it succeeded.');
}

/** The engine the procedure tests run on: SQLite, or PostgreSQL (HANDOFF_TEST_ENGINE=pg, `pnpm test:pg`). */
export { testEngine };

/**
 * Registers hooks that give every test of the file (or describe block) its own copy of one seeded
 * database; read `.db` inside a test. With HANDOFF_TEST_ENGINE=pg the copy is a PostgreSQL
 * database holding the same rows (the seeded SQLite moved once, then cloned per test), so the same
 * test runs the procedures on PostgreSQL.
 */
export function useSeededDbs(): { readonly db: Db } {
  let current: Db | undefined;
  let closeCurrent: (() => void | Promise<void>) | undefined;
  let fresh: () => Promise<{ db: Db; close: () => void | Promise<void> }>;
  let dispose: () => void | Promise<void>;
  beforeAll(async () => {
    const template = seededTemplate();
    if (testEngine() === 'sqlite') {
      fresh = () => Promise.resolve(template.fresh());
      dispose = () => template.dispose();
      return;
    }
    // Loaded only on pg: the SQLite suite never needs the pg driver or a cluster.
    const { pgTemplateOf } = await import('@handoff/db/pg/testing');
    // The seed stays open: demoKeys on a clone reads the demo rows from it (same ids and numbers).
    const seed = template.fresh().db;
    const onPg = await pgTemplateOf(seed);
    fresh = async () => {
      const copy = await onPg.fresh();
      registerSeedSource(copy.reader, seed);
      return { db: copy.reader, close: copy.close };
    };
    dispose = async () => {
      await onPg.dispose();
      template.dispose();
    };
  }, 120_000);
  afterAll(async () => {
    await dispose?.();
  });
  beforeEach(async () => {
    ({ db: current, close: closeCurrent } = await fresh());
  });
  afterEach(async () => {
    await closeCurrent?.();
    current = undefined;
    closeCurrent = undefined;
  });
  return {
    get db() {
      if (!current) throw new Error('No test database outside a test.');
      return current;
    },
  };
}

/** The demo login of each role. */
export const loginOf: Readonly<Record<Role, string>> = {
  l1: 'l1@handoff.test',
  hdqa: 'hdqa@handoff.test',
  cps: 'cps@handoff.test',
  es: 'es@handoff.test',
  sncc: 'sncc@handoff.test',
  technologist: 'technologist@handoff.test',
  tier2: 'tier2@handoff.test',
  partner_agent: 'partner@handoff.test',
  customer: 'customer@handoff.test',
  admin: 'admin@handoff.test',
};

/** The id of a seeded demo login. */
export async function userIdOf(db: Db, email: string): Promise<number> {
  const user = await userRepository.findByEmail(db, email);
  if (!user) throw new Error(`No demo user ${email}`);
  return user.id;
}

/**
 * Everything a one-step or consult may write, for "nothing changed" assertions: the incident row,
 * its journal and audit, and every notification, presence and consult row.
 */
export async function snapshotOf(db: Db, incidentId: number) {
  const { notifications, users, consultRequests } = tablesOf(db);
  return {
    incident: await incidentRepository.findById(db, incidentId),
    journal: await incidentRepository.findJournal(db, incidentId),
    audit: await incidentRepository.findAudit(db, incidentId),
    notifications: await db.select().from(notifications).orderBy(notifications.id),
    presence: await db
      .select({ id: users.id, presence: users.presence, changedAt: users.presenceChangedAt })
      .from(users)
      .orderBy(users.id),
    consults: await db.select().from(consultRequests).orderBy(consultRequests.id),
  };
}

/** The refusal of a call as a TRPCError, with the field messages its cause carries (zod or domain). */
export async function refusalOf(call: Promise<unknown>) {
  const error = await rejectionOf(call);
  expect(error).toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  const cause = trpc.cause;
  const fields =
    cause instanceof ZodError
      ? Object.fromEntries(cause.issues.map((i) => [i.path.join('.'), i.message]))
      : cause instanceof DomainError
        ? (cause.fields ?? {})
        : {};
  return { code: trpc.code, message: trpc.message, fields };
}

/**
 * A seeded database that the server's `getDb()` hands out while this test file runs (code that
 * reads the one server connection: auth callbacks, the request context). Call at the top level.
 * With HANDOFF_TEST_ENGINE=pg it is a PostgreSQL copy of the seeded demo, as a pg server's is.
 */
export function useServerDb(): () => { readonly db: Db } {
  let opened: { db: Db; close: () => void | Promise<void> } | undefined;
  const globalForDb = globalThis as unknown as { handoffDb?: Db };
  beforeAll(async () => {
    const lite = createSqliteTestDb();
    if (testEngine() === 'sqlite') opened = lite;
    else {
      const { copyToPg } = await import('@handoff/db/pg/testing');
      const copy = await copyToPg(lite.db);
      lite.close();
      opened = { db: copy.reader, close: copy.close };
    }
    globalForDb.handoffDb = opened.db;
  }, 120_000);
  afterAll(async () => {
    delete globalForDb.handoffDb;
    await opened?.close();
  });
  return () => {
    if (!opened) throw new Error('No server database outside the tests.');
    return opened;
  };
}
