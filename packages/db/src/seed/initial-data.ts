import { type Db } from '../client';
import { isEmpty, seedDemoData, seedReferenceData } from './demo';
import { seedDemoHistory } from './demo-history';
import { seedPartnerDemoTickets } from './partner-demo';

/**
 * What a new (empty) database is loaded with: the demo organisation with its published logins, or
 * — for a deployment, `HANDOFF_DEMO_DATA=0` — only the reference data and no login at all. A
 * database with data is left as it is.
 */
export function loadInitialData(
  db: Db,
  { now, demo }: { now: string; demo: boolean },
): 'demo' | 'reference' | 'existing' {
  if (!isEmpty(db)) return 'existing';
  if (!demo) {
    seedReferenceData(db);
    return 'reference';
  }
  seedDemoData(db, { now });
  seedPartnerDemoTickets(db, { now });
  // A few weeks of resolved history for the SLA figures and /reports (issue 18).
  seedDemoHistory(db, { now });
  return 'demo';
}

/** HANDOFF_DEMO_DATA as the seed and the server read it: anything but `0` (the default `1`) loads the demo. */
export const demoDataWanted = (value: string | undefined): boolean => value?.trim() !== '0';
