import { type ChangeEvent, type ChangeScope } from '@handoff/domain';
import { and, asc, gt, inArray, lt, max, or, sql, type SQL } from 'drizzle-orm';
import { type Db, type Reader } from '../client';
import { countedWrite } from '../commit/queue';
import { first, perEngine, tablesOf } from '../reader';
import type { changeEvents } from '../schema';

type IdsColumn = typeof changeEvents.teamIds | typeof changeEvents.userIds;

/** Whether a JSON array column of ids holds any of `ids` (SQLite json_each, pg jsonb). */
const anyOf = (db: Reader, column: IdsColumn, ids: readonly number[]): SQL => {
  const list = ids.length ? [...ids] : [-1];
  return perEngine(db, {
    sqlite: sql`exists (select 1 from json_each(${column}) where json_each.value in ${list})`,
    pg: sql`exists (select 1 from jsonb_array_elements_text(${column}) v where v.value::int in ${list})`,
  });
};

/**
 * The changes after `afterId` in commit order (at most `limit`), within `scope`: of the scope's
 * entities, concerning any of its teams or people (no teams or people given = every change).
 * The query, for either engine: SQLite's feed reads it synchronously (`changesSince`, in the
 * commit's wake), pg/change-feed.ts's `changesSincePg` awaits it.
 */
export function changesQuery(db: Reader, afterId: number, scope: ChangeScope = {}, limit = 500) {
  const { changeEvents } = tablesOf(db);
  const where: SQL[] = [gt(changeEvents.id, afterId)];
  if (scope.entities) where.push(inArray(changeEvents.entity, [...scope.entities]));
  const audience: SQL[] = [];
  if (scope.teamIds) audience.push(anyOf(db, changeEvents.teamIds, scope.teamIds));
  if (scope.userIds) audience.push(anyOf(db, changeEvents.userIds, scope.userIds));
  if (audience.length > 0) where.push(or(...audience)!);
  return db
    .select()
    .from(changeEvents)
    .where(and(...where))
    .orderBy(asc(changeEvents.id))
    .limit(limit);
}

/**
 * The changes after `afterId` on SQLite (changesQuery): a consumer keeps the id of the last change
 * it handled and asks again from there.
 */
export const changesSince = (
  db: Db,
  afterId: number,
  scope: ChangeScope = {},
  limit = 500,
): ChangeEvent[] => changesQuery(db, afterId, scope, limit).all();

/** `changesSince` on either engine (the same query, awaited): the live stream's catch-up read. */
export const findChangesSince = async (
  db: Reader,
  afterId: number,
  scope: ChangeScope = {},
  limit = 500,
): Promise<ChangeEvent[]> => changesQuery(db, afterId, scope, limit);

/** The newest change's id, for either engine (`latestChangeId` on SQLite, `latestChangeIdPg`). */
export function latestChangeQuery(db: Reader) {
  const { changeEvents } = tablesOf(db);
  return db.select({ id: max(changeEvents.id) }).from(changeEvents);
}

/** The id of the newest change (0 when there is none): where a consumer that wants only new changes starts. */
export const latestChangeId = (db: Db): number => latestChangeQuery(db).get()?.id ?? 0;

/** `latestChangeId` on either engine (awaited): where a consumer on a pg Reader starts. */
export const findLatestChangeId = async (db: Reader): Promise<number> =>
  (await first(latestChangeQuery(db)))?.id ?? 0;

/** Default retention of the change feed, in days (CHANGE_RETENTION_DAYS). */
export const defaultRetentionDays = 30;

/** The retention from the environment: CHANGE_RETENTION_DAYS, a positive number of days. */
export function retentionDays(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CHANGE_RETENTION_DAYS;
  if (raw === undefined || raw === '') return defaultRetentionDays;
  const days = Number(raw);
  if (!Number.isFinite(days) || days <= 0)
    throw new Error(`CHANGE_RETENTION_DAYS must be a positive number of days, not "${raw}".`);
  return days;
}

/**
 * Deletes changes older than the retention, on either engine; returns how many. Ids are never
 * reused (SQLite AUTOINCREMENT, pg's identity sequence).
 */
export async function pruneChanges(
  db: Reader,
  now: string,
  days = retentionDays(),
): Promise<number> {
  const cutoff = new Date(Date.parse(now) - days * 86_400_000).toISOString();
  // SQLite: in the write queue, never inside another request's open commit (pg: on the pool).
  return countedWrite(db, () => {
    const { changeEvents } = tablesOf(db);
    return db.delete(changeEvents).where(lt(changeEvents.at, cutoff));
  });
}

/**
 * Prunes the feed now and then every `everyMs` (hourly by default) for as long as the process
 * runs; reads the retention once, so a bad CHANGE_RETENTION_DAYS stops the server at start.
 */
export function startPruner(db: Reader, now: () => string, everyMs = 3_600_000): () => void {
  const days = retentionDays();
  void pruneChanges(db, now(), days);
  const timer = setInterval(() => void pruneChanges(db, now(), days), everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
