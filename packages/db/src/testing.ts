// Test helpers: a real SQLite file per test (never mocks), migrated and loaded with the demo data.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrateDb, type Db } from './client';
import { seedDemoData } from './seed/demo';

export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../migrations');

export interface TestDb {
  db: Db;
  path: string;
  close: () => void;
}

export function createTestDb({ seed = true, now = '2026-11-24T16:00:00.000Z' } = {}): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'handoff-test-'));
  const path = join(dir, 'test.db');
  const db = createDb(path);
  migrateDb(db, migrationsFolder);
  // The Help Online demo cases stay out: tests count and number the base demo incidents.
  if (seed) seedDemoData(db, { now, portalCases: false });
  return {
    db,
    path,
    close: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Direct incident writes for fixtures (production writes go through the commit module). */
export * as incidentRows from './seed/incident-rows';
/** Direct outage and problem writes for fixtures. */
export * as outageProblemRows from './seed/outage-problem-rows';
/** The seeded demo rows by natural key (team name, service name, NetID, e-mail…), never by order. */
export { demoKeys, registerSeedSource, type DemoKeys } from './testing/demo-keys';
