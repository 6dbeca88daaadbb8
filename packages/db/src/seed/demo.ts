import { count, eq } from 'drizzle-orm';
import {
  cpsStandardHours,
  createIncident,
  demoGeneralHdHours,
  universityHolidays,
  type Actor,
  type IncidentStatus,
} from '@handoff/domain';
import { type Db } from '../client';
import { hashPasswordSync } from '../password';
import { type Tx } from '../repositories/incident';
import { create as createIncidentRow } from './incident-rows';
import {
  customers,
  departments,
  holidays,
  leadershipContacts,
  oncallContacts,
  openingHours,
  organisationDomains,
  organisations,
  services,
  teamMembers,
  teams,
  users,
} from '../schema';
import { seedPortalDemo } from './portal-demo';
import { seedOutages } from './demo-outages';
import { seedDefaultPolicies } from './default-sla-policies';
import { seedDemoLeads } from './demo-sla';
import { seedClocks } from './demo-clocks';
import {
  demoCustomers,
  demoDepartments,
  demoLeadershipContacts,
  demoLogins,
  demoOncallContacts,
  demoOrganisationMembers,
  demoOrganisations,
  demoPassword,
  demoServices,
  demoTeams,
} from './demo-data';

export { demoLogins, demoPassword };

/** True when no team exists yet: the first start of a new database. */
export const isEmpty = (db: Db): boolean =>
  (db.select({ n: count() }).from(teams).get()?.n ?? 0) === 0;

/**
 * What every database needs, demo or not: the teams of the spec, the service catalog, the university
 * holidays, the opening hours of CPS and of the General Help Desk and the default SLA policies
 * (administrators edit them on /admin). Returns the team ids by name.
 */
function insertReferenceData(tx: Tx): Map<string, number> {
  const teamId = new Map<string, number>();
  for (const t of demoTeams) teamId.set(t.name, tx.insert(teams).values(t).returning().get().id);
  for (const s of demoServices) tx.insert(services).values(s).run();
  for (const h of universityHolidays) tx.insert(holidays).values(h).run();
  for (const [desk, week] of [
    ['cps', cpsStandardHours],
    ['general_hd', demoGeneralHdHours],
  ] as const)
    for (const day of week)
      tx.insert(openingHours)
        .values({ desk, ...day })
        .run();
  seedDefaultPolicies(tx);
  return teamId;
}

/**
 * A production database without demo data (HANDOFF_DEMO_DATA=0): the reference data only, no
 * logins, customers or incidents. The first administrator is made with `npm run admin:create`.
 */
export function seedReferenceData(db: Db): void {
  db.transaction(
    (tx) => {
      insertReferenceData(tx);
    },
    { behavior: 'immediate' },
  );
}

const hoursBefore = (now: string, h: number) =>
  new Date(Date.parse(now) - h * 3_600_000).toISOString();

/**
 * Loads the demo organisation into an empty database in one transaction. `portalCases` adds the
 * Help Online demo cases (TP review); unit tests leave them out because they count the base incidents.
 */
export function seedDemoData(
  db: Db,
  { now, portalCases = true }: { now: string; portalCases?: boolean },
): void {
  // Hash outside the transaction: scrypt is slow on purpose and the write lock need not wait for it.
  const hashed = demoLogins.map((l) => ({ ...l, passwordHash: hashPasswordSync(demoPassword) }));
  db.transaction((tx) => {
    const teamId = insertReferenceData(tx);
    const deptId = new Map<string, number>();
    for (const d of demoDepartments)
      deptId.set(
        d.shortName,
        tx
          .insert(departments)
          .values({ ...d, emailDomains: [...d.emailDomains] })
          .returning()
          .get().id,
      );
    for (const c of demoOncallContacts) tx.insert(oncallContacts).values(c).run();
    demoLeadershipContacts.forEach((c, position) =>
      tx
        .insert(leadershipContacts)
        .values({ ...c, position })
        .run(),
    );
    const customerId = new Map<string, number>();
    for (const c of demoCustomers) {
      const dept = demoDepartments.find((d) => d.shortName === c.dept);
      const row = tx
        .insert(customers)
        .values({
          name: c.name,
          netId: c.netId,
          email: `${c.netId}@${dept?.emailDomains[0] ?? 'wisc.edu'}`,
          phone: `608-555-${String(1000 + customerId.size).slice(-4)}`,
          departmentId: deptId.get(c.dept) ?? null,
          coned: c.coned,
          program: c.program,
          primaryTechPartner: c.primaryTechPartner,
          organisation: dept?.name ?? null,
        })
        .returning()
        .get();
      customerId.set(c.netId, row.id);
    }
    for (const o of demoOrganisations) {
      const org = tx
        .insert(organisations)
        .values({ name: o.name, partnerTeamId: teamId.get(o.partnerTeam)!, createdAt: now })
        .returning()
        .get();
      for (const domain of o.domains)
        tx.insert(organisationDomains).values({ domain, organisationId: org.id }).run();
      for (const m of demoOrganisationMembers.filter((x) => x.organisation === o.name)) {
        const row = tx
          .insert(customers)
          .values({
            name: m.name,
            netId: m.email,
            email: m.email,
            organisationId: org.id,
            organisation: o.name,
          })
          .returning()
          .get();
        customerId.set(m.email, row.id);
      }
    }
    for (const l of hashed) {
      const user = tx
        .insert(users)
        .values({
          email: l.email,
          name: l.name,
          role: l.role,
          passwordHash: l.passwordHash,
          customerId: l.customerNetId ? (customerId.get(l.customerNetId) ?? null) : null,
        })
        .returning()
        .get();
      for (const team of l.teams)
        tx.insert(teamMembers)
          .values({ userId: user.id, teamId: teamId.get(team)! })
          .run();
    }
    seedDemoLeads(tx);
  });
  seedIncidents(db, now);
  seedOutages(db, now);
  if (portalCases) seedPortalDemo(db, now);
  seedClocks(db, now);
}

interface DemoIncident {
  netId: string;
  service: number;
  description: string;
  team: string;
  agentEmail?: string;
  status: IncidentStatus;
  classification?: string;
  hoursAgo: number;
  channel: 'phone' | 'email' | 'chat' | 'portal';
}

const demoIncidents: DemoIncident[] = [
  {
    netId: 'ccustomer',
    service: 5,
    description: 'Forgot NetID password after returning from leave.',
    team: 'US - Help Desk',
    agentEmail: 'l1@handoff.test',
    status: 'in_progress',
    hoursAgo: 30,
    channel: 'phone',
  },
  {
    netId: 'onguyen',
    service: 12,
    description: 'Canvas course shows "unauthorized" for a TA.',
    team: 'US - Help Desk',
    status: 'new',
    hoursAgo: 5,
    channel: 'email',
  },
  {
    netId: 'pshah',
    service: 9,
    description: 'Laptop drops UWNet every few minutes in the Grad School office.',
    team: 'US - Help Desk',
    agentEmail: 'l1@handoff.test',
    status: 'in_progress',
    hoursAgo: 2,
    channel: 'chat',
  },
  {
    netId: 'ddept',
    service: 1,
    description: 'Department desktop will not boot after update.',
    team: 'US - Help Desk CPS',
    status: 'assigned',
    classification: 'Transfer to CPS',
    hoursAgo: 20,
    channel: 'phone',
  },
  {
    netId: 'aaims',
    service: 2,
    description: 'Needs MATLAB installed on lab machine LSCI-LAB-04.',
    team: 'US - Help Desk CPS',
    agentEmail: 'cps@handoff.test',
    status: 'in_progress',
    classification: 'Transfer to CPS',
    hoursAgo: 8,
    channel: 'portal',
  },
  {
    netId: 'ralvarez',
    service: 3,
    description: 'Payroll access request stuck in approval.',
    team: 'HD ES',
    status: 'assigned',
    hoursAgo: 26,
    channel: 'phone',
  },
  {
    netId: 'hconed',
    service: 0,
    description: 'After hours: shared drive unreachable, can wait until morning.',
    team: 'EAST',
    status: 'assigned',
    classification: 'Assign to EAST',
    hoursAgo: 14,
    channel: 'phone',
  },
  {
    netId: 'sokafor',
    service: 8,
    description: 'No wired connectivity in Bascom Hall room 112.',
    team: 'SNCC-Network',
    status: 'assigned',
    hoursAgo: 1,
    channel: 'phone',
  },
];

function seedIncidents(db: Db, now: string) {
  const l1 = db.select().from(users).where(eq(users.email, 'l1@handoff.test')).get()!;
  const actor: Actor = { id: l1.id, name: l1.name, role: 'l1', teamIds: [], customerId: null };
  const serviceRows = db.select().from(services).orderBy(services.id).all();
  for (const d of demoIncidents) {
    const customer = db.select().from(customers).where(eq(customers.netId, d.netId)).get()!;
    const at = hoursBefore(now, d.hoursAgo);
    const team = db.select().from(teams).where(eq(teams.name, d.team)).get()!;
    const agent = d.agentEmail
      ? db.select().from(users).where(eq(users.email, d.agentEmail)).get()
      : undefined;
    const drafts = createIncident({
      input: {
        callerName: customer.name,
        callerPhone: customer.phone ?? undefined,
        callerEmail: customer.email,
        customerId: customer.id,
        serviceId: serviceRows[d.service]!.id,
        description: d.description,
        channel: d.channel,
      },
      actor,
      now: at,
      ownerTeamId: team.id,
    });
    const incident = {
      ...drafts.incident,
      ownerAgentId: agent?.id ?? null,
      status: d.status,
      classification: d.classification ?? null,
    };
    const journal = [...drafts.journal];
    if (d.netId === 'ccustomer') {
      journal.push({
        kind: 'note',
        visibility: 'customer',
        body: 'We reset your password; sign in with the temporary one we read to you and change it.',
        authorId: l1.id,
        data: null,
        createdAt: at,
      });
      journal.push({
        kind: 'note',
        visibility: 'internal',
        body: 'Verified identity with two security questions.',
        authorId: l1.id,
        data: null,
        createdAt: at,
      });
    }
    createIncidentRow(db, { incident, journal, audit: drafts.audit });
  }
}
