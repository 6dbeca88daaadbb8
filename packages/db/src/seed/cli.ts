// `db:seed` / `db:setup`: migrate a database and load its initial data, then print the logins.
// Usage: tsx src/seed/cli.ts --db <path> [--if-empty]; with DATABASE_URL=postgres://… the PostgreSQL
// database there instead (issue 20). HANDOFF_DEMO_DATA=0: no demo data, no logins.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, migrateDb } from '../client';
import { demoLogins, demoPassword } from './demo';
import { demoDataWanted, loadInitialData } from './initial-data';

const { values } = parseArgs({
  options: { db: { type: 'string' }, 'if-empty': { type: 'boolean', default: false } },
});
const here = dirname(fileURLToPath(import.meta.url));
const sqliteMigrations = resolve(here, '../../migrations');
const demo = demoDataWanted(process.env.HANDOFF_DEMO_DATA);
const now = new Date().toISOString();
const url = process.env.DATABASE_URL?.trim();

async function load(): Promise<{ where: string; loaded: 'demo' | 'reference' | 'existing' }> {
  if (url && /^postgres(ql)?:\/\//i.test(url)) {
    // Loaded only here: a SQLite seed never needs the pg driver.
    const { openPg } = await import('../pg/setup');
    const { db, loaded } = await openPg(url, { now, demo, sqliteMigrations });
    await db.$client.end();
    const u = new URL(url);
    return { where: `PostgreSQL ${u.host}${u.pathname}`, loaded };
  }
  const path = resolve(values.db ?? resolve(here, '../../../../data/handoff.db'));
  mkdirSync(dirname(path), { recursive: true });
  const db = createDb(path);
  try {
    migrateDb(db, sqliteMigrations);
    return { where: path, loaded: loadInitialData(db, { now, demo }) };
  } finally {
    db.$client.close();
  }
}

const { where, loaded } = await load();
if (loaded === 'demo') console.log(`Loaded the demo data into ${where}`);
else if (loaded === 'reference')
  console.log(
    `Set up ${where} without demo data (HANDOFF_DEMO_DATA=0). Create the first administrator:\n` +
      `  npm run admin:create -- --email you@example.edu --name "Your Name"`,
  );
else if (values['if-empty']) console.log(`${where} already has data; leaving it as it is.`);
else {
  console.error(
    `${where} already has data. Remove it (the file, or the database) to start again from the demo data.`,
  );
  process.exitCode = 1;
}
if (demo) {
  console.log(`\nDemo logins (password for all: ${demoPassword}):`);
  for (const l of demoLogins) console.log(`  ${l.role.padEnd(14)} ${l.email.padEnd(28)} ${l.name}`);
}
