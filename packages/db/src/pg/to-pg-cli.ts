// `pnpm db:to-pg -- --from data/handoff.db --to postgres://…`: the move from SQLite to PostgreSQL (to-pg.ts).
// Exit 0: every table's count is equal on both sides; 1: counts differ or the move failed; 2: usage or
// a refused target (not empty), with nothing written.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type Db } from '../client';
import * as schema from '../schema';
import { createPgDb, isPostgresUrl } from './client';
import { formatCounts, moveSqliteToPg, MoveRefused } from './to-pg';

const usage =
  'usage: pnpm db:to-pg -- --from data/handoff.db --to postgres://user@host:5432/handoff';

async function main(): Promise<number> {
  // `pnpm db:to-pg -- --from …` hands the `--` on; parseArgs would take what follows as positionals.
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === '--'));
  let values: { from?: string; to?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { from: { type: 'string' }, to: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.from || !values.to) {
    console.error(usage);
    return 2;
  }
  // Relative to where the command was typed (scripts/to-pg.sh passes it on), not packages/db.
  const from = resolve(process.env.HANDOFF_CWD ?? process.cwd(), values.from);
  if (!existsSync(from)) {
    console.error(`No SQLite database at ${from}.\n${usage}`);
    return 2;
  }
  if (!isPostgresUrl(values.to)) {
    console.error(`--to must be a postgres:// or postgresql:// URL.\n${usage}`);
    return 2;
  }
  // Read-only: the move never changes the SQLite file (a running server may keep using it).
  const sqlite = new Database(from, { readonly: true, fileMustExist: true });
  const lite: Db = drizzle(sqlite, { schema });
  const pg = createPgDb(values.to, { max: 2 });
  try {
    console.log(`Moving ${from} to ${new URL(values.to).host}${new URL(values.to).pathname}…`);
    const { rows } = await pg.$client.query<{ collate: string }>(
      'SELECT datcollate AS collate FROM pg_database WHERE datname = current_database()',
    );
    if (rows[0]?.collate !== 'C')
      console.warn(
        `Warning: the target database's collation is ${rows[0]?.collate}, not C; Handoff's text order (ISO times, the '~' sort key) needs C.`,
      );
    const counts = await moveSqliteToPg(lite, pg, { log: (line) => console.log(line) });
    console.log(`\n${formatCounts(counts)}`);
    const different = counts.filter((c) => c.sqlite !== c.pg);
    if (different.length > 0) {
      console.error(
        `\nCounts differ in ${different.map((c) => c.table).join(', ')}: do not switch to this database.`,
      );
      return 1;
    }
    console.log(`\nAll ${counts.length} tables have the same counts on both sides.`);
    return 0;
  } catch (error) {
    if (error instanceof MoveRefused) {
      console.error(error.message);
      return 2;
    }
    console.error(`The move failed and was rolled back: ${(error as Error).message}`);
    return 1;
  } finally {
    sqlite.close();
    await pg.$client.end();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
