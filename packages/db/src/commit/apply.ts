// Applies an Effects inside the caller's open write transaction. Only commit.ts calls it.
import {
  DomainError,
  isRef,
  staleMessage,
  type Effects,
  type EntityId,
  type RowDelete,
  type RowInsert,
  type RowUpdate,
  type RowWrite,
} from '@handoff/domain';
import { and, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import { type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { type Db } from '../client';
import { enqueue } from './outbox';
import { insertReturning, insertRow } from './prepared-insert';
import { changeEvents, notifications, users } from '../schema';
import { auditTables, entityKeys, entityTables, journalTables, type Column } from './tables';

type AnyRow = Record<string, unknown> & { id: number };

// keyOf, isRefValue, resolve, resolveValues and the conflict errors are shared with the PostgreSQL
// commit (pg/commit.ts), so both engines address, resolve and refuse in the same words.

/** The column an aggregate's rows are addressed by (`id` unless tables.ts names another). */
export const keyOf = (entity: keyof typeof entityTables): string =>
  (entityKeys as Partial<Record<string, string>>)[entity] ?? 'id';

/** A value that names a row inserted earlier in this commit: exactly `{ ref: string }`. */
export const isRefValue = (v: unknown): v is { ref: string } =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length === 1 &&
  typeof (v as { ref?: unknown }).ref === 'string';

/** What a commit wrote: the ids of the rows it inserted by ref, each written row, the change ids. */
export interface Applied {
  ids: Map<string, number>;
  rows: Map<string, AnyRow>;
  changeIds: number[];
}

export const rowKey = (entity: string, id: number) => `${entity}#${id}`;

const columnsOf = (table: SQLiteTable) => getTableColumns(table) as Record<string, Column>;

/** A prepared `UPDATE … WHERE id = ? [AND version = ?] [AND …] RETURNING *` per shape, per connection. */
type PreparedUpdate = { get: (p: Record<string, unknown>) => unknown };
const preparedUpdates = new WeakMap<Db, Map<string, PreparedUpdate>>();

function preparedUpdate(db: Db, write: RowUpdate) {
  const setKeys = Object.keys(write.set).sort();
  const still = Object.entries(write.still ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const shape = [
    write.entity,
    setKeys.join(','),
    write.expectedVersion === undefined ? '' : 'v',
    still.map(([k, v]) => (v === null ? `${k}=null` : k)).join(','),
  ].join('|');
  let cache = preparedUpdates.get(db);
  if (!cache) preparedUpdates.set(db, (cache = new Map<string, PreparedUpdate>()));
  let statement = cache.get(shape);
  if (!statement) {
    const table = entityTables[write.entity];
    const cols = columnsOf(table);
    const column = (k: string): Column => {
      const c = cols[k];
      if (!c) throw new Error(`${write.entity} has no column ${k}`);
      return c;
    };
    const where: SQL[] = [eq(column(keyOf(write.entity)), sql.placeholder('id'))];
    if (write.expectedVersion !== undefined)
      where.push(eq(column('version'), sql.placeholder('version')));
    for (const [k, v] of still)
      where.push(v === null ? isNull(column(k)) : eq(column(k), sql.placeholder(`still_${k}`)));
    for (const k of setKeys) column(k);
    const set = Object.fromEntries(setKeys.map((k) => [k, sql.placeholder(`set_${k}`)]));
    statement = db
      .update(table)
      .set(set)
      .where(and(...where))
      .returning()
      .prepare();
    cache.set(shape, statement);
  }
  return statement;
}

/** The row id an EntityId names: itself, or the id of the row inserted earlier as that ref. */
export function resolve(applied: Applied, id: EntityId): number {
  if (!isRef(id)) return id;
  const found = applied.ids.get(id.ref);
  if (found === undefined)
    throw new Error(`No row inserted as "${id.ref}" earlier in this commit.`);
  return found;
}

/** An insert's values with every `{ ref }` replaced by the id it names. */
export const resolveValues = (applied: Applied, values: object): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(values as Record<string, unknown>).map(([k, v]) => [
      k,
      isRefValue(v) ? resolve(applied, v) : v,
    ]),
  );

/**
 * The refusals of writes whose row condition missed: a row changed between the plan's read and its
 * write. PostgreSQL's commit runs such a plan again, to decide on what is committed now (on SQLite the
 * write lock is held from the first read, so a plan cannot miss what it read).
 */
export const rowMisses = new WeakSet<Error>();
const missed = (error: DomainError): DomainError => {
  rowMisses.add(error);
  return error;
};

/** Why a conditional update matched no row, given the row as it is now (undefined: gone). */
export function updateMiss(
  write: RowUpdate,
  id: number,
  current: { version?: number; number?: string } | undefined,
): DomainError {
  if (!current) return missed(new DomainError('NOT_FOUND', `No ${write.entity} #${id}.`));
  if (write.conflict) return missed(new DomainError('CONFLICT', write.conflict));
  const number = current.number ?? `${write.entity} #${id}`;
  return missed(
    new DomainError(
      'CONFLICT',
      write.expectedVersion !== undefined && current.version !== undefined
        ? staleMessage({ number, version: current.version }, write.expectedVersion)
        : `${number} was changed by someone else since you opened it. Reload to see their change; nothing of yours was saved.`,
    ),
  );
}

/** A conditional delete that removed another number of rows than it expected. */
export const deleteMiss = (write: RowDelete): DomainError =>
  missed(
    new DomainError(
      'CONFLICT',
      write.conflict ??
        `This ${write.entity} was changed by someone else since you opened it. Reload to see their change; nothing of yours was saved.`,
    ),
  );

function insert(db: Db, applied: Applied, write: RowInsert) {
  const values = resolveValues(applied, write.values);
  const row = insertReturning<AnyRow>(db, entityTables[write.entity], values);
  const id = row[keyOf(write.entity)] as number;
  if (write.ref !== undefined) applied.ids.set(write.ref, id);
  applied.rows.set(rowKey(write.entity, id), row);
}

function update(db: Db, applied: Applied, write: RowUpdate) {
  const id = resolve(applied, write.id);
  const params: Record<string, unknown> = { id, version: write.expectedVersion };
  for (const [k, v] of Object.entries(write.set)) params[`set_${k}`] = v;
  for (const [k, v] of Object.entries(write.still ?? {})) if (v !== null) params[`still_${k}`] = v;
  const row = preparedUpdate(db, write).get(params) as AnyRow | undefined;
  if (row) {
    applied.rows.set(rowKey(write.entity, id), row);
    return;
  }
  const table = entityTables[write.entity];
  const current = db
    .select()
    .from(table)
    .where(eq(columnsOf(table)[keyOf(write.entity)]!, id))
    .get() as (AnyRow & { version?: number; number?: string }) | undefined;
  throw updateMiss(write, id, current);
}

function remove(db: Db, write: RowDelete) {
  const table = entityTables[write.entity];
  const cols = columnsOf(table);
  const where = Object.entries(write.where).map(([k, v]) =>
    v === null ? isNull(cols[k]!) : eq(cols[k]!, v),
  );
  if (where.length === 0) throw new Error(`A delete of ${write.entity} needs a condition.`);
  const { changes } = db
    .delete(table)
    .where(and(...where))
    .run();
  if (write.expectRows !== undefined && changes !== write.expectRows) throw deleteMiss(write);
}

function applyWrite(db: Db, applied: Applied, write: RowWrite) {
  if (write.op === 'insert') insert(db, applied, write);
  else if (write.op === 'update') update(db, applied, write);
  else remove(db, write);
}

/** Applies every effect in the documented order; throws (and the caller's transaction rolls back) on any miss. */
export function applyEffects(db: Db, effects: Effects): Applied {
  const applied: Applied = { ids: new Map(), rows: new Map(), changeIds: [] };
  for (const write of effects.writes) applyWrite(db, applied, write);
  for (const j of effects.journal) {
    const { table, owner } = journalTables[j.entity];
    insertRow(db, table, { ...j.entry, [owner]: resolve(applied, j.id) });
  }
  for (const a of effects.audit) {
    const { table, owner } = auditTables[a.entity];
    insertRow(db, table, { ...a.entry, [owner]: resolve(applied, a.id) });
  }
  for (const n of effects.notifications)
    insertRow(db, notifications, {
      ...n.draft,
      incidentId: resolve(applied, n.incidentId),
      createdAt: effects.at,
    });
  for (const p of effects.presence)
    db.update(users)
      .set({ presence: p.presence, presenceChangedAt: effects.at })
      .where(eq(users.id, p.userId))
      .run();
  enqueue(
    db,
    effects.outbox.map((m) => ({
      ...m,
      incidentId: m.incidentId === null ? null : resolve(applied, m.incidentId),
    })),
    effects.at,
  );
  for (const e of effects.events) {
    const row = insertReturning<{ id: number }>(db, changeEvents, {
      entity: e.entity,
      entityId: resolve(applied, e.entityId),
      kind: e.kind,
      teamIds: [...e.teamIds],
      userIds: [...e.userIds],
      actorId: e.actorId,
      at: effects.at,
    });
    applied.changeIds.push(row.id);
  }
  return applied;
}
