// vitest.pg.config.ts's global setup: the migrated template the pg test databases are cloned from.
import { prepareTemplate } from '@handoff/db/pg/testing';

export default async function setup(): Promise<void> {
  await prepareTemplate();
}
