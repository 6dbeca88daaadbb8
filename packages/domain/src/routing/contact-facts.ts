import '../zod-config';
import { z } from 'zod';
import { type Channel, type TpTriage } from '../incident/schema';
import { type ContactFacts, type KnownOutageFact } from './schemas';

/** What the agent has learned on the call so far; absent = not asked yet (DOMAIN.md §4). */
export const routingAnswersSchema = z
  .object({
    contractDepartment: z.boolean(),
    indicatesContractPartner: z.boolean(),
    workRelated: z.boolean(),
    computerName: z.string().trim().min(1).max(64).nullable(),
    criticalWorkStoppage: z.boolean(),
    suspectedEnterprise: z.boolean(),
    esSupported: z.boolean(),
    missionCritical: z.boolean(),
    outage: z.boolean(),
  })
  .partial();
export type RoutingAnswers = z.infer<typeof routingAnswersSchema>;

/**
 * Everything already known about an incident, as routing facts: the customer's flags and
 * department (the contract list is data here, so the agent need not look it up), the service's
 * banner, the channel, the time and how many CPS agents are ready. The agent's answers win.
 */
export function contactFactsFor({
  at,
  channel,
  service,
  customer,
  computerName,
  cpsAgentsReady,
  outage,
  knownOutage,
  peopleAffected = null,
  tpTriage = null,
  answers = {},
}: {
  at: string;
  channel: Channel;
  service: {
    banner: 'pick5' | 'pick2' | null;
    generalHdHandles: boolean;
    supportCategory: number;
    technologistGroup: string | null;
  };
  customer: {
    coned: boolean;
    program: 'aims' | 'ds' | null;
    /** The program of the customer's department (data): used when the customer has none of their own. */
    departmentProgram?: 'aims' | 'ds' | null;
    primaryTechPartner: boolean;
    contractDepartment: boolean | null;
  } | null;
  computerName: string | null;
  cpsAgentsReady: number;
  outage?: boolean;
  /** An open outage on the incident's service that the incident is not linked to yet. */
  knownOutage?: KnownOutageFact;
  /** "People affected" as the customer gave it (Help Online): more than one is mission critical (kb 004). */
  peopleAffected?: number | null;
  /** The Help Desk's Primary TP review (kb 004): marked mission critical, or handled normally, decides it. */
  tpTriage?: TpTriage | null;
  answers?: RoutingAnswers;
}): ContactFacts {
  const {
    contractDepartment,
    indicatesContractPartner,
    computerName: answeredComputer,
    ...rest
  } = answers;
  const supportCategory = [1, 2, 3].includes(service.supportCategory)
    ? (service.supportCategory as 1 | 2 | 3)
    : undefined;
  const facts: ContactFacts = {
    at,
    channel,
    service: {
      banner: service.banner,
      generalHdHandles: service.generalHdHandles,
      ...(supportCategory ? { supportCategory } : {}),
      ...(service.technologistGroup ? { technologistGroup: service.technologistGroup } : {}),
    },
    customer: {
      coned: customer?.coned ?? false,
      program: customer?.program ?? customer?.departmentProgram ?? null,
      primaryTechPartner: customer?.primaryTechPartner ?? false,
      ...(contractDepartment !== undefined
        ? { contractDepartment }
        : customer?.contractDepartment != null
          ? { contractDepartment: customer.contractDepartment }
          : {}),
      ...(indicatesContractPartner !== undefined ? { indicatesContractPartner } : {}),
    },
    cpsAgentsReady,
    ...(outage ? { outage: true } : {}),
    ...(knownOutage ? { knownOutage } : {}),
    ...(peopleAffected !== null && peopleAffected > 0
      ? { missionCritical: peopleAffected > 1 }
      : {}),
    ...(tpTriage === 'mission_critical' ? { missionCritical: true } : {}),
    ...(tpTriage === 'handled_normally' ? { missionCritical: false } : {}),
    ...rest,
  };
  const computer = answeredComputer !== undefined ? answeredComputer : computerName;
  if (computer !== null && computer !== undefined) facts.computerName = computer;
  else if (answeredComputer === null) facts.computerName = null;
  return facts;
}
