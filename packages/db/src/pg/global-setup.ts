// vitest.pg.config.ts's global setup: the migrated template every PostgreSQL test database is cloned from.
import { prepareTemplate } from './testing';

export default async function setup(): Promise<void> {
  await prepareTemplate();
}
