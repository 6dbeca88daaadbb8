// `npm run admin:create -- --email you@example.edu --name "Your Name" [--force] [--db <path>]`
// Creates the first administrator of a deployment. The password comes from HANDOFF_ADMIN_PASSWORD,
// else from standard input (one line; prompted for, without echo, on a terminal).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isDomainError } from '@handoff/domain';
import { ZodError } from 'zod';
import { createDb, migrateDb } from '../client';
import { createAdminLogin } from './create-admin';
import { loadInitialData } from './initial-data';

async function readPassword(): Promise<string> {
  const fromEnv = process.env.HANDOFF_ADMIN_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const tty = process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  if (tty) {
    process.stdout.write('Password for the new administrator (not shown): ');
    // Echo nothing of what is typed.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  }
  const line = await new Promise<string>((done) => {
    rl.once('line', done);
    rl.once('close', () => done(''));
  });
  rl.close();
  if (tty) process.stdout.write('\n');
  return line;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const here = dirname(fileURLToPath(import.meta.url));
  const path = resolve(
    values.db ?? process.env.DATABASE_PATH ?? resolve(here, '../../../../data/handoff.db'),
  );
  if (!values.email) {
    console.error('Usage: npm run admin:create -- --email you@example.edu --name "Your Name"');
    return 2;
  }
  const password = await readPassword();
  const now = new Date().toISOString();
  const url = process.env.DATABASE_URL?.trim();
  const login = {
    email: values.email,
    name: values.name ?? values.email,
    password,
    force: values.force,
  };
  const sqliteMigrations = resolve(here, '../../migrations');
  try {
    if (url && /^postgres(ql)?:\/\//i.test(url)) {
      // A new deployment's PostgreSQL database: reference data only, never the demo logins.
      const [{ openPg }, { pgReader }] = await Promise.all([
        import('../pg/setup'),
        import('../reader'),
      ]);
      const { db } = await openPg(url, { now, demo: false, sqliteMigrations });
      try {
        const made = await createAdminLogin(pgReader(db), login, now);
        console.log(
          `Created administrator ${made.email} (#${made.id}) in PostgreSQL ${new URL(url).host}.`,
        );
      } finally {
        await db.$client.end();
      }
      return 0;
    }
    mkdirSync(dirname(path), { recursive: true });
    const db = createDb(path);
    try {
      migrateDb(db, sqliteMigrations);
      // A new deployment's database: reference data only, never the demo logins.
      loadInitialData(db, { now, demo: false });
      const made = await createAdminLogin(db, login, now);
      console.log(`Created administrator ${made.email} (#${made.id}) in ${path}.`);
    } finally {
      db.$client.close();
    }
    return 0;
  } catch (e) {
    if (isDomainError(e)) console.error(e.message);
    else if (e instanceof ZodError) console.error(e.issues.map((i) => i.message).join('\n'));
    else throw e;
    return 1;
  }
}

process.exitCode = await main();
