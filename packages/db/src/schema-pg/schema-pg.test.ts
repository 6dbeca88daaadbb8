// The PostgreSQL schema mirrors the SQLite one table by table, so the row types every repository,
// domain function and page uses are one and the same on both engines ("never write a type twice").
import { getTableColumns, getTableName, is, Table, type InferSelectModel } from 'drizzle-orm';
import { getTableConfig as pgConfig } from 'drizzle-orm/pg-core';
import { getTableConfig as liteConfig } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, test } from 'vitest';
import * as lite from '../schema';
import * as pg from './index';

type Tables<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] };
type Rows<S> = {
  [K in keyof Tables<S>]: Tables<S>[K] extends Table ? InferSelectModel<Tables<S>[K]> : never;
};

const tables = (schema: Record<string, unknown>) =>
  new Map(
    Object.entries(schema)
      .filter((e): e is [string, Table] => is(e[1], Table))
      .map(([name, table]) => [name, table]),
  );

const liteTables = tables(lite);
const pgTables = tables(pg);

describe('the PostgreSQL schema mirrors the SQLite schema', () => {
  test('every table exported by one is exported by the other, under the same name', () => {
    expect([...pgTables.keys()].sort()).toEqual([...liteTables.keys()].sort());
    expect(liteTables.size).toBeGreaterThan(30);
  });

  test('row types are equal table by table (checked by the compiler)', () => {
    // A pg column whose inferred type differs from its SQLite twin (or a table missing on either
    // side) fails `pnpm typecheck` here.
    expectTypeOf<Rows<typeof pg>>().toEqualTypeOf<Rows<typeof lite>>();
  });

  test.each([...liteTables.keys()].sort())(
    '%s: same SQL name, columns, nullability and keys',
    (name) => {
      const a = liteTables.get(name)!;
      const b = pgTables.get(name)!;
      expect(getTableName(b)).toBe(getTableName(a));
      const columns = (t: Table) =>
        Object.entries(getTableColumns(t)).map(([key, c]) => ({
          key,
          name: c.name,
          notNull: c.notNull,
          primary: c.primary,
          // SQLite calls every INTEGER PRIMARY KEY defaulted (it is the rowid); a pg key that points at
          // another row (`partner_tickets.incident_id`) has none. Ids of their own are identities.
          hasDefault: c.primary && key !== 'id' ? 'key' : c.hasDefault,
          isUnique: c.isUnique,
        }));
      expect(columns(b)).toEqual(columns(a));
      const la = liteConfig(a as never);
      const pb = pgConfig(b as never);
      const keys = (pks: { columns: { name: string }[] }[]) =>
        pks.map((k) => k.columns.map((c) => c.name));
      expect(keys(pb.primaryKeys)).toEqual(keys(la.primaryKeys));
      const indexes = (list: { config: { name?: string; unique: boolean } }[]) =>
        list.map((i) => `${i.config.name}${i.config.unique ? ' unique' : ''}`).sort();
      expect(indexes(pb.indexes as never)).toEqual(indexes(la.indexes as never));
      expect(pb.foreignKeys.length).toBe(la.foreignKeys.length);
    },
  );
});
