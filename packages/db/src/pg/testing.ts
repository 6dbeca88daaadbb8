// PostgreSQL test databases (issue 20): each test file gets its own database, cloned from a migrated
// template (vitest.pg.config.ts's global setup makes it once per run), on the throwaway cluster
// scripts/pg-test.sh starts and names in DATABASE_URL. Never a shared or a real database.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { type Db, type Reader } from '../client';
import { pgReader } from '../reader';
import { createPgDb, isPostgresUrl, migratePg, type PgDb } from './client';
import { moveSqliteToPg } from './to-pg';

export const templateDatabase = 'handoff_pg_template';

/** The cluster's URL; the PostgreSQL tests run only through scripts/pg-test.sh. */
export function clusterUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url))
    throw new Error(
      'The PostgreSQL tests need a throwaway cluster: run them with scripts/pg-test.sh (pnpm test:pg).',
    );
  return url;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: clusterUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates and migrates the template database (once per test run). */
export async function prepareTemplate(): Promise<void> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
    await c.query(`CREATE DATABASE ${templateDatabase}`);
  });
  await migratePg(withDatabase(clusterUrl(), templateDatabase));
}

// How many test databases this test file opened: the web pg run checks that each file opened one,
// so a file that only opens SQLite cannot pass as a PostgreSQL run.
let opened = 0;
export const pgDatabasesOpened = (): number => opened;

export interface PgTestDb {
  db: PgDb;
  url: string;
  close: () => Promise<void>;
}

/** A fresh, migrated, empty database of its own. */
export async function createPgTestDb(): Promise<PgTestDb> {
  const name = `handoff_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`));
  opened++;
  const url = withDatabase(clusterUrl(), name);
  const db = createPgDb(url);
  return {
    db,
    url,
    close: async () => {
      await db.$client.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A pg test database with a SQLite database's rows, and the same database as a Reader. */
export type PgCopy = PgTestDb & { reader: Reader };

/**
 * A pg test database holding a copy of the SQLite database `lite` (moved with the move command's
 * code), and the same through the one Reader: for tests that compare the two engines' answers.
 */
export async function copyToPg(lite: Db): Promise<PgCopy> {
  const copy = await createPgTestDb();
  await moveSqliteToPg(lite, copy.db);
  return { ...copy, reader: pgReader(copy.db) };
}

/**
 * A pg database holding a copy of `lite` that tests clone (`CREATE DATABASE … TEMPLATE`, a file
 * copy: far faster than moving the rows again): `fresh()` per test, `dispose()` once the file is done.
 * The web suite's `useSeededDbs()` uses it when HANDOFF_TEST_ENGINE=pg.
 */
export async function pgTemplateOf(lite: Db) {
  const copy = await createPgTestDb();
  await moveSqliteToPg(lite, copy.db);
  // A template must have no open connection while it is copied.
  await copy.db.$client.end();
  const template = new URL(copy.url).pathname.slice(1);
  const clones: PgTestDb[] = [];
  const clone = async (): Promise<PgCopy> => {
    const name = `handoff_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
    const url = withDatabase(clusterUrl(), name);
    const db = createPgDb(url);
    opened++;
    const made: PgTestDb = {
      db,
      url,
      close: async () => {
        const at = clones.indexOf(made);
        if (at < 0) return;
        clones.splice(at, 1);
        await db.$client.end();
        await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      },
    };
    clones.push(made);
    return { ...made, reader: pgReader(db) };
  };
  // The next test's clone is made while this test runs (a clone takes ~0.6 s).
  let next: Promise<PgCopy> | undefined;
  return {
    async fresh(): Promise<PgCopy> {
      const copy = await (next ?? clone());
      next = clone();
      next.catch(() => {});
      return copy;
    },
    async dispose(): Promise<void> {
      await next?.catch(() => {});
      next = undefined;
      for (const c of [...clones]) await c.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`));
    },
  };
}
