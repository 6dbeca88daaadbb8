// `db:seed` / `db:setup`: migrate a database file and load the demo data, then print the logins.
// Usage: tsx src/seed/cli.ts --db <path> [--if-empty]
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDb, migrateDb } from '../client';
import { demoLogins, demoPassword, isEmpty, seedDemoData } from './demo';
import { seedPartnerDemoTickets } from './partner-demo';
import { seedDemoHistory } from './demo-history';

const { values } = parseArgs({
  options: { db: { type: 'string' }, 'if-empty': { type: 'boolean', default: false } },
});
const here = dirname(fileURLToPath(import.meta.url));
const path = resolve(values.db ?? resolve(here, '../../../../data/handoff.db'));
mkdirSync(dirname(path), { recursive: true });
const db = createDb(path);
migrateDb(db, resolve(here, '../../migrations'));
if (isEmpty(db)) {
  const now = new Date().toISOString();
  seedDemoData(db, { now });
  seedPartnerDemoTickets(db, { now });
  // A few weeks of resolved history for the SLA figures and /reports (issue 18).
  seedDemoHistory(db, { now });
  console.log(`Loaded the demo data into ${path}`);
} else if (values['if-empty']) {
  console.log(`${path} already has data; leaving it as it is.`);
} else {
  console.error(`${path} already has data. Remove the file to start again from the demo data.`);
  process.exitCode = 1;
}
console.log(`\nDemo logins (password for all: ${demoPassword}):`);
for (const l of demoLogins) console.log(`  ${l.role.padEnd(14)} ${l.email.padEnd(28)} ${l.name}`);
db.$client.close();
