// Help Online demo data (issue 7): Primary TP cases waiting in the TP review queue and one already
// escalated, made through the same domain functions the procedures use.
import { eq } from 'drizzle-orm';
import {
  createPortalCase,
  escalateToTechnologists,
  markMissionCritical,
  portalCaseCreateSchema,
  routePortalCase,
  type Actor,
  type OneStepEnv,
} from '@handoff/domain';
import { type Db } from '../client';
import { applyUpdate, insertNew } from './incident-rows';
import { findPortalSystemActorSync, portalSystemUserRow } from '../repositories/portal';
import { findActorByIdSync } from '../repositories/user';
import { customers, departments, services, teams, users } from '../schema';
import { routingContextSync } from '../repositories/routing-data';

const hoursBefore = (now: string, h: number) =>
  new Date(Date.parse(now) - h * 3_600_000).toISOString();

interface DemoCase {
  netId: string;
  service: string;
  description: string;
  peopleAffected?: number;
  hoursAgo: number;
  /** Run Mark mission critical and Escalate to technologists as HDQA right after. */
  escalate?: boolean;
}

const demoCases: DemoCase[] = [
  {
    netId: 'kpartner',
    service: 'Remote Desktop Gateway',
    description: 'Gateway times out since this morning.',
    hoursAgo: 3,
  },
  {
    netId: 'lfischer',
    service: 'Enterprise File Storage',
    description:
      'The dean’s office share says "access denied" for every staff member since the weekend change window.',
    peopleAffected: 9,
    hoursAgo: 2,
  },
  {
    netId: 'kpartner',
    service: 'Office 365',
    description: 'Mail to the whole School of Education advising list bounces with 550 errors.',
    peopleAffected: 25,
    hoursAgo: 5,
    escalate: true,
  },
];

/** Adds the Help Online demo: TP cases in review and one escalated. */
export function seedPortalDemo(db: Db, now: string): void {
  db.transaction((tx) => {
    const teamIds = Object.fromEntries(
      tx
        .select()
        .from(teams)
        .all()
        .map((t) => [t.name, t.id]),
    );
    const hdqaUser = tx.select().from(users).where(eq(users.email, 'hdqa@handoff.test')).get()!;
    const hdqa: Actor = findActorByIdSync(db, hdqaUser.id)!;
    // Customers without a login of their own file through the portal's system user.
    if (!findPortalSystemActorSync(tx)) tx.insert(users).values(portalSystemUserRow).run();
    const portal = findPortalSystemActorSync(tx)!;
    for (const d of demoCases) {
      const at = hoursBefore(now, d.hoursAgo);
      const customer = tx.select().from(customers).where(eq(customers.netId, d.netId)).get()!;
      const login = tx.select().from(users).where(eq(users.customerId, customer.id)).get();
      const dept = customer.departmentId
        ? tx.select().from(departments).where(eq(departments.id, customer.departmentId)).get()
        : undefined;
      const service = tx.select().from(services).where(eq(services.name, d.service)).get()!;
      const actor: Actor = {
        id: login?.id ?? portal.id,
        name: customer.name,
        role: 'customer',
        teamIds: [],
        customerId: customer.id,
      };
      const route = routePortalCase(
        {
          at,
          channel: 'portal',
          service: {
            banner: service.banner,
            generalHdHandles: service.generalHdHandles,
            supportCategory: service.supportCategory as 1 | 2 | 3,
            ...(service.technologistGroup ? { technologistGroup: service.technologistGroup } : {}),
          },
          customer: {
            coned: customer.coned,
            program: customer.program ?? dept?.program ?? null,
            primaryTechPartner: customer.primaryTechPartner,
            contractDepartment: dept?.contractPartner ?? false,
          },
          workRelated: true,
          computerName: null,
        },
        routingContextSync(tx),
      );
      const input = portalCaseCreateSchema.parse({
        serviceId: service.id,
        description: d.description,
        preferredContact: 'email',
        workRelated: true,
        peopleAffected: d.peopleAffected,
      });
      const drafts = createPortalCase({
        input,
        actor,
        customer,
        route,
        helpDeskTeamId: teamIds['US - Help Desk']!,
        now: at,
      });
      let incident = insertNew(tx, drafts);
      if (!d.escalate) continue;
      const env = (i: typeof incident, t: string): OneStepEnv => ({
        incident: i,
        actor: hdqa,
        now: t,
        teams: teamIds,
        // Neither step below hands the case to a team chosen by name.
        partnerTeamIds: [],
        service: {
          id: service.id,
          banner: service.banner,
          supportCategory: service.supportCategory,
          technologistGroup: service.technologistGroup,
        },
        afterHoursServiceId: 0,
      });
      const later = hoursBefore(now, d.hoursAgo - 1);
      for (const step of [
        () =>
          markMissionCritical(env(incident, later), {
            incidentId: incident.id,
            expectedVersion: incident.version,
          }),
        () =>
          escalateToTechnologists(env(incident, later), {
            incidentId: incident.id,
            expectedVersion: incident.version,
            note: 'Whole advising list affected; confirmed with the TP.',
          }),
      ]) {
        const result = step();
        incident = applyUpdate(tx, {
          id: incident.id,
          expectedVersion: incident.version,
          ...result,
        });
      }
    }
  });
}
