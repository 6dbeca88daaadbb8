// The connection reuses compiled statements (issue 16): same SQL, same statement, same answers.
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { reuseStatements } from './client';

const open = () => {
  const sqlite = new Database(':memory:');
  reuseStatements(sqlite, 2);
  sqlite.exec(
    `CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a'), (2, 'b')`,
  );
  return sqlite;
};

describe('reuseStatements', () => {
  test('the same SQL text gets the same compiled statement', () => {
    const sqlite = open();
    expect(sqlite.prepare('SELECT * FROM t')).toBe(sqlite.prepare('SELECT * FROM t'));
    expect(sqlite.prepare('SELECT * FROM t')).not.toBe(sqlite.prepare('SELECT id FROM t'));
  });

  test('a statement left in raw mode comes back in object mode', () => {
    const sqlite = open();
    expect(sqlite.prepare('SELECT * FROM t WHERE id = ?').raw().get(1)).toEqual([1, 'a']);
    expect(sqlite.prepare('SELECT * FROM t WHERE id = ?').get(1)).toEqual({ id: 1, name: 'a' });
  });

  test('writes are reused too, and only the most recent statements are kept', () => {
    const sqlite = open();
    const insert = sqlite.prepare('INSERT INTO t (name) VALUES (?)');
    expect(sqlite.prepare('INSERT INTO t (name) VALUES (?)')).toBe(insert);
    insert.run('c');
    sqlite.prepare('SELECT 1');
    sqlite.prepare('SELECT 2');
    expect(sqlite.prepare('INSERT INTO t (name) VALUES (?)')).not.toBe(insert);
    expect(sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
  });
});
