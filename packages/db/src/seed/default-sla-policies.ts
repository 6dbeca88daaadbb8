// The SLA policies every database starts with, demo or not (issue 18): with them the one clock engine
// runs a first-response and a resolution clock for every team from the first incident, so a
// deployment without demo data (HANDOFF_DEMO_DATA=0) keeps the kb's promises too. Administrators
// change them on /admin (an edit supersedes the version, which stays the audit trail).
import { eq } from 'drizzle-orm';
import { type NewSlaPolicy, type SlaCalendar, type Target } from '@handoff/domain';
import { type Tx } from '../repositories/incident';
import { slaPolicies, teams } from '../schema';

/** In force since before any demo history, so every seeded incident has a policy. */
export const defaultPolicyEpoch = '2025-01-01T00:00:00.000Z';

const bh = (amount: number): Target => ({ amount, unit: 'business_hours' });
const bd = (amount: number): Target => ({ amount, unit: 'business_days' });
const min = (amount: number): Target => ({ amount, unit: 'minutes' });

export interface DefaultPolicy {
  team: string;
  calendar: SlaCalendar;
  firstResponse: Target;
  resolution: Target;
  urgency?: 'urgent';
}

/**
 * The first responses the kb promises: CPS contacts within 4 business hours on CPS hours (kb 000),
 * technologists respond within one business day (kb 004), the after-hours technician within an
 * hour around the clock (kb 001, EAST). The kb's promise clocks themselves (contact-by,
 * call-if-no-contact after 1 business day, TP respond-by, on-call contact-by) run from the engine's
 * `kbPromises` whenever an incident carries the promise. The kb names no resolution targets and no
 * targets for the other desks: those below are plausible starting values (the General Help Desk on
 * its own hours, SNCC around the clock).
 */
export const defaultPolicies: DefaultPolicy[] = [
  { team: 'US - Help Desk', calendar: 'general_hd', firstResponse: bh(1), resolution: bd(2) },
  {
    team: 'US - Help Desk',
    calendar: 'general_hd',
    firstResponse: min(30),
    resolution: bh(8),
    urgency: 'urgent',
  },
  { team: 'HDQA', calendar: 'general_hd', firstResponse: bh(2), resolution: bd(2) },
  { team: 'US - Help Desk CPS', calendar: 'cps', firstResponse: bh(4), resolution: bd(3) },
  { team: 'HD ES', calendar: 'general_hd', firstResponse: bh(4), resolution: bd(3) },
  { team: 'SNCC-Sysops', calendar: '24x7', firstResponse: min(30), resolution: bh(8) },
  { team: 'SNCC-Network', calendar: '24x7', firstResponse: min(30), resolution: bh(8) },
  { team: 'EAST', calendar: '24x7', firstResponse: min(60), resolution: bh(24) },
  { team: 'DRMT', calendar: 'cps', firstResponse: bd(1), resolution: bd(5) },
  { team: 'Middleware', calendar: 'cps', firstResponse: bd(1), resolution: bd(5) },
  { team: 'IIAT', calendar: 'cps', firstResponse: bd(1), resolution: bd(5) },
  { team: 'Applications Technology', calendar: 'cps', firstResponse: bd(1), resolution: bd(5) },
  { team: 'Tier 2 Support', calendar: 'general_hd', firstResponse: bd(1), resolution: bd(5) },
  {
    team: 'Badger Health Client Support',
    calendar: 'general_hd',
    firstResponse: bh(4),
    resolution: bd(3),
  },
];

export const policyRow = (
  teamId: number,
  p: Omit<DefaultPolicy, 'team'>,
  effectiveFrom: string,
  createdById: number | null = null,
): NewSlaPolicy => ({
  teamId,
  urgency: p.urgency ?? null,
  channel: null,
  calendar: p.calendar,
  firstResponseAmount: p.firstResponse.amount,
  firstResponseUnit: p.firstResponse.unit,
  resolutionAmount: p.resolution.amount,
  resolutionUnit: p.resolution.unit,
  effectiveFrom,
  supersededAt: null,
  createdById,
});

/** Inserts the default policies of the teams that exist (inside the reference data's transaction). */
export function seedDefaultPolicies(tx: Tx): void {
  for (const p of defaultPolicies) {
    const team = tx.select({ id: teams.id }).from(teams).where(eq(teams.name, p.team)).get();
    if (team)
      tx.insert(slaPolicies)
        .values(policyRow(team.id, p, defaultPolicyEpoch))
        .run();
  }
}
