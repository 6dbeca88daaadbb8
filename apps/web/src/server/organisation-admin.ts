// What the organisation admin's membership and end-user decisions consult, loaded inside their
// commit plans (routers/organisation.ts), and what a decision's effects answer with.
import { type Effects } from '@handoff/domain';
import {
  organisationRepository,
  partnerRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';

/** Who acts and when: every admin decision records it. */
export interface AdminStamp {
  actorId: number;
  now: string;
}

/** The organisation whose domains change, and every organisation's domains (a domain belongs to one). */
export const loadDomainFacts = async (
  read: Db,
  input: { organisationId: number; domains: string[] },
  stamp: AdminStamp,
) => ({
  organisation: await organisationRepository.findById(read, input.organisationId),
  domains: input.domains,
  organisations: await organisationRepository.findAllDomains(read),
  ...stamp,
});

/** The domains a decision's effects insert (what setDomains answers with). */
export const insertedDomains = (decided: Effects): string[] =>
  decided.writes.flatMap((w) =>
    w.entity === 'organisationDomain' && w.op === 'insert' ? [w.values.domain] : [],
  );

/** A new login: the organisations it may be placed in by domain, and whether its e-mail is taken. */
export const loadNewLogin = async <I extends { email: string }>(
  read: Db,
  input: I,
  passwordHash: string,
  stamp: AdminStamp,
) => ({
  input,
  passwordHash,
  organisations: await organisationRepository.findAllDomains(read),
  emailInUse: await userRepository.isEmailInUse(read, input.email),
  ...stamp,
});

/** A partner group's member who would leave: the group and the open tickets they work in it. */
export const loadRemoval = async (
  read: Db,
  input: { teamId: number; userId: number },
  stamp: AdminStamp,
) => ({
  group: await teamRepository.findSupportGroup(read, input.teamId),
  userId: input.userId,
  openTickets:
    (await partnerRepository.findOpenMemberTickets(read, [input.teamId])).get(
      `${input.teamId}:${input.userId}`,
    ) ?? [],
  ...stamp,
});
