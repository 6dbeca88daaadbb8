// The dashboard rollups' plpgsql triggers (pg migrations report_rollup_triggers,
// report_day_rollup_triggers and report_moved_incident_triggers) against their SQLite originals
// (migrations 0018, 0023 and 0025): the same
// changes on both engines, then the rollup tables compared row for row. The fixture writes rows
// directly, as any code path might, because the triggers must keep the counts whoever writes.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { eq, getTableColumns, getTableName, sql, type Table } from 'drizzle-orm';
import { type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { createTestDb, type TestDb } from '../testing';
import * as lite from '../schema';
import { createPgTestDb, type PgTestDb } from './testing';
import { pgTwin } from './tables';
import { pgMigrationsFolder } from './client';

let sqlite: TestDb;
let pg: PgTestDb;
beforeAll(async () => {
  sqlite = createTestDb({ seed: false });
  pg = await createPgTestDb();
});
afterAll(async () => {
  sqlite.close();
  await pg.close();
});

type Row = Record<string, unknown>;

// Ids of the fixture's own rows in empty databases (no seed): teams, one service, incidents.
const [t1, t2, t3] = [101, 102, 103];
const service = 301;
const [i1, i2, i3, i4] = [201, 202, 203, 204];

/** One change, applied the same way on both engines (explicit ids keep them in step). */
async function both(
  change:
    | { insert: SQLiteTable; values: Row | Row[] }
    | { update: SQLiteTable; id: number; set: Row }
    | { delete: SQLiteTable; id: number },
) {
  if ('insert' in change) {
    sqlite.db
      .insert(change.insert)
      .values(change.values as never)
      .run();
    await pg.db.insert(pgTwin(change.insert)).values(change.values as never);
  } else if ('update' in change) {
    const table = change.update as SQLiteTable & { id: never };
    sqlite.db.update(table).set(change.set).where(eq(table.id, change.id)).run();
    const twin = pgTwin(change.update) as ReturnType<typeof pgTwin> & { id: never };
    await pg.db.update(twin).set(change.set).where(eq(twin.id, change.id));
  } else {
    const table = change.delete as SQLiteTable & { id: never };
    sqlite.db.delete(table).where(eq(table.id, change.id)).run();
    const twin = pgTwin(change.delete) as ReturnType<typeof pgTwin> & { id: never };
    await pg.db.delete(twin).where(eq(twin.id, change.id));
  }
}

const rollups = [
  lite.reportContacts,
  lite.reportIncidentTeams,
  lite.reportClocks,
  lite.queueCounts,
  lite.reportMovedIncidents,
  ...dayRollups(),
];

/** The day-level rollups (migrations report_day_rollup_triggers), kept from the two above. */
function dayRollups() {
  return [
    lite.reportDayContacts,
    lite.reportDayHours,
    lite.reportClockWeeks,
    lite.reportClockTimesDay,
    lite.reportClockTimesMonth,
  ];
}

/** The backfill statements (the INSERTs) of the migration named `*_${tag}.sql` in `folder`. */
function backfillOf(folder: string, tag: string) {
  const file = readdirSync(folder).find((f) => f.endsWith(`_${tag}.sql`));
  if (!file) throw new Error(`no migration *_${tag}.sql in ${folder}`);
  return readFileSync(resolve(folder, file), 'utf8')
    .split('--> statement-breakpoint')
    .map((part) =>
      part
        .split('\n')
        .filter((line) => !line.startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((statement) => statement.startsWith('INSERT INTO'));
}
const sqliteMigrations = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** Every row of the table on each engine, ordered by all its columns. */
async function rowsOf(table: Table) {
  const name = sql.identifier(getTableName(table));
  const by = sql.raw(
    Object.keys(getTableColumns(table))
      .map((_, i) => String(i + 1))
      .join(', '),
  );
  const liteRows = sqlite.db.all<Row>(sql`SELECT * FROM ${name} ORDER BY ${by}`);
  const pgRows = (await pg.db.execute<Row>(sql`SELECT * FROM ${name} ORDER BY ${by}`)).rows;
  return { liteRows, pgRows };
}

async function expectSameRollups() {
  for (const table of rollups) {
    const { liteRows, pgRows } = await rowsOf(table);
    expect({ table: getTableName(table), rows: pgRows }).toEqual({
      table: getTableName(table),
      rows: liteRows,
    });
  }
}

const incident = (id: number, values: Row = {}) => ({
  id,
  number: `RLP-${id}`,
  callerName: 'Pat Caller',
  channel: 'phone',
  serviceId: service,
  description: 'Cannot sign in',
  status: 'new',
  ownerTeamId: t1,
  version: 1,
  createdAt: '2026-03-08T07:30:00.000Z',
  updatedAt: '2026-03-08T07:30:00.000Z',
  ...values,
});

const move = (id: number, incidentId: number, from: number, to: number) => ({
  id,
  incidentId,
  field: 'ownerTeamId',
  fromValue: String(from),
  toValue: String(to),
  version: 2,
  at: '2026-03-08T09:00:00.000Z',
});

const clock = (id: number, incidentId: number, values: Row) => ({
  id,
  incidentId,
  teamId: t1,
  kind: 'resolution',
  cycle: id,
  calendar: 'cps',
  targetMs: 3_600_000,
  targetLabel: '1 hour',
  landing: 'close',
  startedAt: '2026-03-08T07:59:00.000Z',
  usedMs: 0,
  ...values,
});

describe('the rollup triggers on PostgreSQL match SQLite', () => {
  test('inserts, ownership moves, edits, clock decisions and deletes leave the same rollup rows', async () => {
    await both({
      insert: lite.teams,
      values: [t1, t2, t3].map((id) => ({ id, name: `Rollup team ${id}`, kind: 'support' })),
    });
    await both({
      insert: lite.services,
      values: { id: service, name: 'Rollup service', category: 'General', subcategory: 'Other' },
    });
    // Incidents around the spring and autumn clock changes and at a year's ISO-week edge.
    await both({
      insert: lite.incidents,
      values: [
        incident(i1),
        incident(i2, { channel: 'email', createdAt: '2026-11-01T06:59:59.999Z' }),
        incident(i3, { ownerTeamId: t2, createdAt: '2027-01-01T05:00:00.000Z' }),
        incident(i4, { createdAt: '2026-12-31T23:59:00.000Z' }),
      ],
    });
    await expectSameRollups();

    // Moves: 1 → 2 → 3 (audited), then back to 1; a second audit of a known team adds nothing.
    await both({ update: lite.incidents, id: i1, set: { ownerTeamId: t2, version: 2 } });
    await both({ insert: lite.auditEvents, values: move(1, i1, t1, t2) });
    await both({ update: lite.incidents, id: i1, set: { ownerTeamId: t3, version: 3 } });
    await both({ insert: lite.auditEvents, values: move(2, i1, t2, t3) });
    await both({ update: lite.incidents, id: i1, set: { ownerTeamId: t1, version: 4 } });
    await both({ insert: lite.auditEvents, values: move(3, i1, t3, t1) });
    await both({ insert: lite.auditEvents, values: { ...move(4, i3, t2, t1), field: 'status' } });
    // A move from no team (an empty side in the path).
    await both({ insert: lite.auditEvents, values: { ...move(5, i2, t1, t1), fromValue: null } });
    await expectSameRollups();

    // A change of channel and of creation instant moves the counts for every team that owned it.
    await both({ update: lite.incidents, id: i1, set: { channel: 'walk_in' } });
    await both({ update: lite.incidents, id: i1, set: { createdAt: '2026-03-09T12:00:00.000Z' } });
    // Edits that move nothing.
    await both({ update: lite.incidents, id: i2, set: { description: 'Still cannot sign in' } });
    await both({ update: lite.incidents, id: i2, set: { status: 'in_progress' } });
    await expectSameRollups();

    // Clocks: decided ones count (buckets from minutes to hundreds of hours, weeks around the DST
    // switches), open ones do not until decided; a re-decided, an undecided and a deleted clock move.
    await both({
      insert: lite.slaClocks,
      values: [
        clock(1, i1, { outcome: 'met', usedMs: 179_999 }),
        clock(2, i1, {
          outcome: 'breached',
          usedMs: 180_000,
          startedAt: '2026-03-08T08:00:00.000Z',
        }),
        clock(3, i2, { outcome: 'met', usedMs: 35_999_999, startedAt: '2026-11-01T06:59:59.999Z' }),
        clock(4, i2, { outcome: 'met', usedMs: 36_000_000, startedAt: '2026-11-01T07:00:00.000Z' }),
        clock(5, i3, {
          outcome: 'breached',
          usedMs: 359_999_999,
          startedAt: '2027-01-04T05:59:00.000Z',
        }),
        clock(6, i3, {
          outcome: 'met',
          usedMs: 360_000_000,
          startedAt: '2027-01-04T06:00:00.000Z',
        }),
        clock(7, i4, { usedMs: 1_000_000, kind: 'first_response' }),
        clock(8, i4, { outcome: 'handed_off', usedMs: 5 }),
      ],
    });
    await expectSameRollups();
    await both({ update: lite.slaClocks, id: 7, set: { outcome: 'met', usedMs: 2_000_000 } });
    await both({ update: lite.slaClocks, id: 1, set: { outcome: 'breached', usedMs: 9_000_000 } });
    await both({ update: lite.slaClocks, id: 3, set: { outcome: 'superseded' } });
    await both({ update: lite.slaClocks, id: 4, set: { teamId: t2 } });
    await both({ update: lite.slaClocks, id: 8, set: { targetLabel: 'no move' } });
    await both({ delete: lite.slaClocks, id: 5 });
    await expectSameRollups();

    // Every UTC hour of the days around 2027's clock changes, written straight into the hourly
    // contacts: the CPS hour of each on both engines, counted once for the owner (team 0) only.
    await both({
      insert: lite.reportContacts,
      values: ['2027-03-13', '2027-03-14', '2027-03-15', '2027-11-06', '2027-11-07', '2027-11-08']
        .flatMap((day) => Array.from({ length: 24 }, (_, hour) => ({ day, hour })))
        .flatMap(({ day, hour }) => [
          { day, hour, teamId: t1, ownerTeamId: t1, channel: 'chat', n: 1 + (hour % 3) },
          { day, hour, teamId: t2, ownerTeamId: t1, channel: 'chat', n: 1 },
        ]),
    });
    await expectSameRollups();

    // Deleting incidents takes out their contacts, their moves and their decided clocks.
    await both({ delete: lite.incidents, id: i1 });
    await both({ delete: lite.incidents, id: i3 });
    await expectSameRollups();
    const { pgRows } = await rowsOf(lite.reportClocks);
    expect(pgRows.length).toBeGreaterThan(3);
    for (const table of dayRollups()) {
      const { pgRows: dayRows } = await rowsOf(table);
      expect({ table: getTableName(table), some: dayRows.length > 0 }).toEqual({
        table: getTableName(table),
        some: true,
      });
    }
  });

  test('the day-level backfill on existing rollup rows gives what the triggers kept, on both engines', async () => {
    const kept = await Promise.all(dayRollups().map(rowsOf));
    const liteBackfill = backfillOf(sqliteMigrations, 'report_day_rollup_triggers');
    const pgBackfill = backfillOf(pgMigrationsFolder, 'report_day_rollup_triggers');
    expect([liteBackfill.length, pgBackfill.length]).toEqual([5, 5]);
    for (const table of dayRollups()) {
      const name = sql.identifier(getTableName(table));
      sqlite.db.run(sql`DELETE FROM ${name}`);
      await pg.db.execute(sql`DELETE FROM ${name}`);
    }
    for (const statement of liteBackfill) sqlite.db.run(sql.raw(statement));
    for (const statement of pgBackfill) await pg.db.execute(sql.raw(statement));
    const backfilled = await Promise.all(dayRollups().map(rowsOf));
    expect(backfilled).toEqual(kept);
    await expectSameRollups();
  });

  test('the moved-incidents backfill on existing audit rows gives what the triggers kept, on both engines', async () => {
    // The first test deleted i1 (three moves): move i4 twice, so the backfill has a path of two.
    await both({ update: lite.incidents, id: i4, set: { ownerTeamId: t2, version: 2 } });
    await both({ insert: lite.auditEvents, values: move(6, i4, t1, t2) });
    await both({ update: lite.incidents, id: i4, set: { ownerTeamId: t3, version: 3 } });
    await both({ insert: lite.auditEvents, values: move(7, i4, t2, t3) });
    const kept = await rowsOf(lite.reportMovedIncidents);
    expect(kept.pgRows.map((r) => r.path)).toEqual(['>101', '101>102,102>103']);
    const liteBackfill = backfillOf(sqliteMigrations, 'report_moved_incident_triggers');
    const pgBackfill = backfillOf(pgMigrationsFolder, 'report_moved_incident_triggers');
    expect([liteBackfill.length, pgBackfill.length]).toEqual([1, 1]);
    sqlite.db.run(sql`DELETE FROM report_moved_incidents`);
    await pg.db.execute(sql`DELETE FROM report_moved_incidents`);
    for (const statement of liteBackfill) sqlite.db.run(sql.raw(statement));
    for (const statement of pgBackfill) await pg.db.execute(sql.raw(statement));
    expect(await rowsOf(lite.reportMovedIncidents)).toEqual(kept);
  });

  test('the CPS week and duration bucket functions agree with the domain rules at their edges', async () => {
    const { rows } = await pg.db.execute<{ week: string; bucket: number; cpsHour: number }>(sql`
      SELECT handoff_cps_week(s) AS week, handoff_duration_bucket(u) AS bucket,
        handoff_cps_hour(substr(s, 1, 10), substr(s, 12, 2)::int) AS "cpsHour"
      FROM (VALUES ('2026-03-08T07:59:59.999Z', 179999::bigint), ('2026-03-08T08:00:00.000Z', 180000),
        ('2027-01-04T05:59:00.000Z', 359999999), ('2027-01-04T06:00:00.000Z', 360000000)) AS v(s, u)`);
    // Before the spring switch UTC-6, after it UTC-5; Monday 2027-01-04 00:00 CST starts week 01.
    expect(rows).toEqual([
      { week: '2026-W10', bucket: 0, cpsHour: 1 },
      { week: '2026-W10', bucket: 1, cpsHour: 3 },
      { week: '2026-W53', bucket: 1000, cpsHour: 23 },
      { week: '2027-W01', bucket: 1000, cpsHour: 0 },
    ]);
  });
});
