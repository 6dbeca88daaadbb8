// `db:seed` / `db:setup`: migrate a database file and load its initial data, then print the logins.
// Usage: tsx src/seed/cli.ts --db <path> [--if-empty]. HANDOFF_DEMO_DATA=0: no demo data, no logins.
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
const path = resolve(values.db ?? resolve(here, '../../../../data/handoff.db'));
mkdirSync(dirname(path), { recursive: true });
const db = createDb(path);
migrateDb(db, resolve(here, '../../migrations'));
const demo = demoDataWanted(process.env.HANDOFF_DEMO_DATA);
const loaded = loadInitialData(db, { now: new Date().toISOString(), demo });
if (loaded === 'demo') console.log(`Loaded the demo data into ${path}`);
else if (loaded === 'reference')
  console.log(
    `Set up ${path} without demo data (HANDOFF_DEMO_DATA=0). Create the first administrator:\n` +
      `  npm run admin:create -- --email you@example.edu --name "Your Name"`,
  );
else if (values['if-empty']) console.log(`${path} already has data; leaving it as it is.`);
else {
  console.error(`${path} already has data. Remove the file to start again from the demo data.`);
  process.exitCode = 1;
}
if (demo) {
  console.log(`\nDemo logins (password for all: ${demoPassword}):`);
  for (const l of demoLogins) console.log(`  ${l.role.padEnd(14)} ${l.email.padEnd(28)} ${l.name}`);
}
db.$client.close();
