import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { LRUCache } from 'lru-cache';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (creating if needed) the SQLite file in WAL mode with foreign keys enforced. */
export function createDb(path: string): Db {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Concurrent writers (two server processes, a seed script) wait rather than fail at once.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  reuseStatements(sqlite);
  return drizzle(sqlite, { schema });
}

/**
 * drizzle asks SQLite to compile every query again on each call; the same SQL text gets the same
 * compiled statement back instead (the most recent `max` of them). drizzle switches a statement to
 * rows-as-arrays (`raw()`) for its own selects, so a reused one starts back in object mode.
 */
export function reuseStatements(sqlite: Database.Database, max = 500): void {
  const cache = new LRUCache<string, Database.Statement>({ max });
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached) {
      if (cached.reader) cached.raw(false);
      return cached;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    return statement;
  }) as Database.Database['prepare'];
}

/** Applies the checked-in migrations; safe to run on every start. */
export function migrateDb(db: Db, migrationsFolder: string): void {
  migrate(db, { migrationsFolder });
}

export type { Reader } from './reader';
