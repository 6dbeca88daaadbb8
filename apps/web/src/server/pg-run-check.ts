// vitest.pg.config.ts's setup file: every file of the PostgreSQL run must open a PostgreSQL
// database. A file that opened only SQLite (createTestDb, a hand-made file) would pass here while
// testing nothing on pg, so it fails instead.
import { afterAll, expect } from 'vitest';
import { pgDatabasesOpened } from '@handoff/db/pg/testing';

afterAll(() => {
  if (pgDatabasesOpened() === 0)
    throw new Error(
      `${expect.getState().testPath ?? 'This file'} opened no PostgreSQL database in the PostgreSQL run: it ran on SQLite only.`,
    );
});
