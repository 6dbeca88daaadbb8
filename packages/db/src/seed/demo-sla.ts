// The demo's team leads (issue 18); the SLA policies every database starts with are reference data
// (default-sla-policies.ts).
import { eq } from 'drizzle-orm';
import { type Db } from '../client';
import { type Tx } from '../repositories/incident';
import { teamLeads, teams, users } from '../schema';

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

/** Inserts the demo leads for the teams and users that exist (inside the seed's transaction). */
export function seedDemoLeads(tx: Db | Tx): void {
  for (const l of demoLeads) {
    const team = tx.select().from(teams).where(eq(teams.name, l.team)).get();
    const user = tx.select().from(users).where(eq(users.email, l.email)).get();
    if (team && user) tx.insert(teamLeads).values({ teamId: team.id, userId: user.id }).run();
  }
}
