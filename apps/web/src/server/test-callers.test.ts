// The PostgreSQL run must not open SQLite by mistake: a test file that did would pass there while
// testing nothing on pg (issue 20).
import { afterEach, expect, test } from 'vitest';
import { createTestDb } from './test-callers';

const was = process.env.HANDOFF_TEST_ENGINE;
afterEach(() => {
  if (was === undefined) delete process.env.HANDOFF_TEST_ENGINE;
  else process.env.HANDOFF_TEST_ENGINE = was;
});

test('createTestDb refuses in the PostgreSQL run, and opens SQLite otherwise', () => {
  process.env.HANDOFF_TEST_ENGINE = 'pg';
  expect(() => createTestDb({ seed: false })).toThrow(
    /PostgreSQL run: open the database with useSeededDbs/,
  );
  delete process.env.HANDOFF_TEST_ENGINE;
  const t = createTestDb({ seed: false });
  expect(t.db.$client.open).toBe(true);
  t.close();
});
