// Default SLA policies and team leads (issue 18), seeded with the demo organisation.
import { eq } from 'drizzle-orm';
import { type NewSlaPolicy, type SlaCalendar, type Target } from '@handoff/domain';
import { type Db } from '../client';
import { type Tx } from '../repositories/incident';
import { slaPolicies, teamLeads, teams, users } from '../schema';

/** In force since before any demo history, so every seeded incident has a policy. */
export const demoPolicyEpoch = '2025-01-01T00:00:00.000Z';

const bh = (amount: number): Target => ({ amount, unit: 'business_hours' });
const bd = (amount: number): Target => ({ amount, unit: 'business_days' });
const min = (amount: number): Target => ({ amount, unit: 'minutes' });

interface DemoPolicy {
  team: string;
  calendar: SlaCalendar;
  firstResponse: Target;
  resolution: Target;
  urgency?: 'urgent';
}

/**
 * Plausible demo targets: the General Help Desk on its own hours; CPS on CPS hours, answering within
 * the kb's 4 business hours; SNCC and EAST around the clock (operations and after-hours); the
 * technologists within the kb's one business day. Demo data: administrators change them on /admin.
 */
export const demoPolicies: DemoPolicy[] = [
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

/** Who leads which team in the demo (told of breaches; sees /reports). */
export const demoLeads: { team: string; email: string }[] = [
  { team: 'US - Help Desk', email: 'hdqa@handoff.test' },
  { team: 'HDQA', email: 'hdqa@handoff.test' },
  { team: 'US - Help Desk CPS', email: 'cps@handoff.test' },
  { team: 'HD ES', email: 'es@handoff.test' },
  { team: 'SNCC-Sysops', email: 'sncc@handoff.test' },
  { team: 'SNCC-Network', email: 'sncc@handoff.test' },
  { team: 'EAST', email: 'east@handoff.test' },
  { team: 'Tier 2 Support', email: 'tier2@handoff.test' },
];

export const policyRow = (
  teamId: number,
  p: Omit<DemoPolicy, 'team'>,
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

/** Inserts the default policies and leads for the teams and users that exist (inside the seed's transaction). */
export function seedSlaDefaults(tx: Db | Tx): void {
  const teamId = (name: string) => tx.select().from(teams).where(eq(teams.name, name)).get()?.id;
  for (const p of demoPolicies) {
    const id = teamId(p.team);
    if (id !== undefined)
      tx.insert(slaPolicies)
        .values(policyRow(id, p, demoPolicyEpoch))
        .run();
  }
  for (const l of demoLeads) {
    const id = teamId(l.team);
    const user = tx.select().from(users).where(eq(users.email, l.email)).get();
    if (id !== undefined && user)
      tx.insert(teamLeads).values({ teamId: id, userId: user.id }).run();
  }
}
