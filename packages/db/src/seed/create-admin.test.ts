// Issue 13 item 9: a deployment starts without demo logins; `admin:create` makes the first admin.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createDb, migrateDb } from '../client';
import { verifyPassword } from '../password';
import { adminAudit, customers, incidents, openingHours, teams, users } from '../schema';
import { createAdminLogin } from './create-admin';
import { demoDataWanted, loadInitialData } from './initial-data';

const here = dirname(fileURLToPath(import.meta.url));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function emptyDb() {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-admin-'));
  dirs.push(dir);
  const path = join(dir, 'prod.db');
  const db = createDb(path);
  migrateDb(db, resolve(here, '../../migrations'));
  return { db, path };
}
const n = (
  db: ReturnType<typeof createDb>,
  table: typeof users | typeof teams | typeof customers | typeof incidents,
) => db.select({ n: count() }).from(table).get()!.n;
const now = '2026-12-01T15:00:00.000Z';
const strong = 'correct horse battery staple';

describe('production start (HANDOFF_DEMO_DATA=0)', () => {
  test('an empty database gets the reference data and no login, customer or incident', () => {
    const { db } = emptyDb();
    expect(loadInitialData(db, { now, demo: false })).toBe('reference');
    expect(n(db, users)).toBe(0);
    expect(n(db, customers)).toBe(0);
    expect(n(db, incidents)).toBe(0);
    expect(n(db, teams)).toBeGreaterThan(5);
    expect(
      db.select().from(openingHours).where(eq(openingHours.desk, 'general_hd')).all(),
    ).not.toHaveLength(0);
    // A second start leaves it as it is.
    expect(loadInitialData(db, { now, demo: true })).toBe('existing');
    expect(n(db, users)).toBe(0);
    db.$client.close();
  });

  test.each([
    [undefined, true],
    ['1', true],
    ['0', false],
    [' 0 ', false],
  ])('HANDOFF_DEMO_DATA=%s → demo %s', (value, demo) => {
    expect(demoDataWanted(value)).toBe(demo);
  });
});

describe('createAdminLogin (npm run admin:create)', () => {
  test('makes an administrator who can sign in with the password, audited', async () => {
    const { db } = emptyDb();
    loadInitialData(db, { now, demo: false });
    const made = await createAdminLogin(
      db,
      { email: ' Boss@Wisc.edu ', name: 'Boss', password: strong },
      now,
    );
    const row = db.select().from(users).where(eq(users.id, made.id)).get()!;
    expect(row).toMatchObject({ email: 'boss@wisc.edu', role: 'admin', deactivatedAt: null });
    await expect(verifyPassword(strong, row.passwordHash)).resolves.toBe(true);
    expect(db.select().from(adminAudit).all()).toMatchObject([
      {
        actorId: made.id,
        entity: 'user',
        entityKey: 'boss@wisc.edu',
        field: 'created',
        toValue: 'administrator',
        at: now,
      },
    ]);
    db.$client.close();
  });

  test.each([
    ['a short password', 'short', /at least 12/],
    ['the demo password', 'handoff-demo', /well known/],
  ])('refuses %s and stores nothing', async (_, password, message) => {
    const { db } = emptyDb();
    await expect(
      createAdminLogin(db, { email: 'boss@wisc.edu', name: 'Boss', password }, now),
    ).rejects.toThrow(message);
    expect(n(db, users)).toBe(0);
    db.$client.close();
  });

  test('refuses a second administrator unless forced', async () => {
    const { db } = emptyDb();
    await createAdminLogin(db, { email: 'boss@wisc.edu', name: 'Boss', password: strong }, now);
    await expect(
      createAdminLogin(db, { email: 'two@wisc.edu', name: 'Two', password: strong }, now),
    ).rejects.toThrow(/exists already/);
    await createAdminLogin(
      db,
      { email: 'two@wisc.edu', name: 'Two', password: strong, force: true },
      now,
    );
    expect(n(db, users)).toBe(2);
    db.$client.close();
  });

  test('the command reads the password from stdin and refuses a weak one', () => {
    const { path, db } = emptyDb();
    db.$client.close();
    const cli = resolve(here, 'create-admin-cli.ts');
    const tsx = resolve(here, '../../node_modules/.bin/tsx');
    const run = (input: string, ...args: string[]) =>
      spawnSync(tsx, [cli, '--db', path, '--email', 'boss@wisc.edu', '--name', 'Boss', ...args], {
        input,
        encoding: 'utf8',
        env: { ...process.env, HANDOFF_ADMIN_PASSWORD: '' },
      });
    const weak = run('password\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('at least 12 characters');
    const ok = run(`${strong}\n`);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Created administrator boss@wisc.edu');
    const again = run(`${strong}\n`);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
    const check = createDb(path);
    expect(check.select({ email: users.email, role: users.role }).from(users).all()).toEqual([
      { email: 'boss@wisc.edu', role: 'admin' },
    ]);
    check.$client.close();
  }, 60_000);
});
