// Organisation and support-group admin (kb 003) as domain decisions on loaded facts, each
// returning the Effects the commit module applies in one transaction with its change event.
import {
  deleteRows,
  effects,
  insertRow,
  ref,
  type ChangeEventDraft,
  type Effects,
  type EntityId,
  type RowWrite,
} from '../change';
import { DomainError } from '../errors';
import { type Role } from '../roles';
import {
  checkOrganisationDomains,
  placeEndUser,
  placeTestUser,
  type OrganisationDomains,
} from './placement';
import {
  checkAddGroupMember,
  checkNewGroupMember,
  checkRemoveGroupMember,
  supportGroupOrRefuse,
  type MemberTicket,
  type SupportGroup,
} from './support-groups';

/** The refs of the rows the admin decisions insert (the procedures read the new ids by them). */
export const adminRefs = {
  organisation: ref('organisation'),
  partnerTeam: ref('partnerTeam'),
  customer: ref('customer'),
  user: ref('user'),
} as const;

const adminEvent = (
  entity: 'organisation' | 'team',
  entityId: EntityId,
  kind: string,
  actorId: number,
  people: { teamIds?: number[]; userIds?: number[] } = {},
): ChangeEventDraft => ({
  entity,
  entityId,
  kind,
  actorId,
  teamIds: people.teamIds ?? [],
  userIds: people.userIds ?? [],
});

const domainRows = (organisationId: EntityId, domains: readonly string[]): RowWrite[] =>
  domains.map((domain) => insertRow('organisationDomain', { domain, organisationId }));

/** A new organisation with its domains and its partner group: an existing partner group, or a new one. */
export function decideCreateOrganisation(facts: {
  name: string;
  domains: readonly string[];
  organisations: readonly OrganisationDomains[];
  nameTaken: boolean;
  partnerTeam: { id: number; kind: string } | undefined | { newName: string; taken: boolean };
  actorId: number;
  now: string;
}): Effects {
  if (facts.nameTaken)
    throw new DomainError('VALIDATION', `${facts.name} already exists.`, {
      name: 'An organisation of that name already exists',
    });
  const domains = checkOrganisationDomains({
    domains: facts.domains,
    organisations: facts.organisations,
  });
  const team = facts.partnerTeam;
  const writes: RowWrite[] = [];
  let partnerTeamId: EntityId;
  if (team && 'newName' in team) {
    if (team.taken)
      throw new DomainError('VALIDATION', `A team named ${team.newName} already exists.`, {
        newPartnerTeamName: 'A team of that name already exists; choose it instead',
      });
    writes.push(
      insertRow(
        'team',
        {
          name: team.newName,
          kind: 'partner',
          description: `Channel partner Tier 1 for ${facts.name}`,
        },
        adminRefs.partnerTeam.ref,
      ),
    );
    partnerTeamId = adminRefs.partnerTeam;
  } else {
    if (team?.kind !== 'partner')
      throw new DomainError('VALIDATION', 'Choose a partner client-support group.', {
        partnerTeamId: 'Choose a partner client-support group',
      });
    partnerTeamId = team.id;
  }
  writes.push(
    insertRow(
      'organisation',
      { name: facts.name, partnerTeamId, createdAt: facts.now },
      adminRefs.organisation.ref,
    ),
    ...domainRows(adminRefs.organisation, domains),
  );
  return effects(facts.now, {
    writes,
    events: [
      adminEvent('organisation', adminRefs.organisation, 'created', facts.actorId, {
        teamIds: typeof partnerTeamId === 'number' ? [partnerTeamId] : [],
      }),
    ],
  });
}

/** Replaces an organisation's domains; its end users stay where they are. */
export function decideSetDomains(facts: {
  organisation: { id: number; partnerTeamId: number } | undefined;
  domains: readonly string[];
  organisations: readonly OrganisationDomains[];
  actorId: number;
  now: string;
}): Effects {
  const { organisation } = facts;
  if (!organisation) throw new DomainError('NOT_FOUND', 'That organisation no longer exists.');
  const domains = checkOrganisationDomains({
    domains: facts.domains,
    organisationId: organisation.id,
    organisations: facts.organisations,
  });
  return effects(facts.now, {
    writes: [
      deleteRows('organisationDomain', { organisationId: organisation.id }),
      ...domainRows(organisation.id, domains),
    ],
    events: [
      adminEvent('organisation', organisation.id, 'domains_set', facts.actorId, {
        teamIds: [organisation.partnerTeamId],
      }),
    ],
  });
}

/** An end user with a Help Online login: placed by e-mail domain, or by hand as a test user. */
export function decideCreateEndUser(facts: {
  input: { name: string; email: string; organisationId: number | null };
  passwordHash: string;
  organisations: readonly OrganisationDomains[];
  emailInUse: boolean;
  actorId: number;
  now: string;
}): Effects {
  const { input, organisations } = facts;
  const placement =
    input.organisationId === null
      ? placeEndUser({ email: input.email, organisations })
      : placeTestUser({ email: input.email, organisationId: input.organisationId, organisations });
  if (facts.emailInUse)
    throw new DomainError('VALIDATION', `${input.email} is already in use.`, {
      email: 'Someone already uses this address',
    });
  return effects(facts.now, {
    writes: [
      insertRow(
        'customer',
        {
          name: input.name,
          netId: input.email,
          email: input.email,
          organisationId: placement.organisationId,
          organisation: placement.organisationName,
        },
        adminRefs.customer.ref,
      ),
      insertRow(
        'user',
        {
          email: input.email,
          name: input.name,
          role: 'customer',
          passwordHash: facts.passwordHash,
          customerId: adminRefs.customer,
        },
        adminRefs.user.ref,
      ),
    ],
    events: [
      adminEvent(
        'organisation',
        placement.organisationId,
        `end_user_added.${placement.how}`,
        facts.actorId,
      ),
    ],
  });
}

/** A new login straight into a group, with the group's member role (kb 003: the group's agents). */
export function decideCreateGroupMember(facts: {
  group: SupportGroup | undefined;
  input: { name: string; email: string };
  passwordHash: string;
  emailInUse: boolean;
  actorId: number;
  now: string;
}): Effects {
  const group = supportGroupOrRefuse(facts.group);
  const { role } = checkNewGroupMember({
    group,
    email: facts.input.email,
    isEmailInUse: facts.emailInUse,
  });
  return effects(facts.now, {
    writes: [
      insertRow(
        'user',
        { ...facts.input, role, passwordHash: facts.passwordHash },
        adminRefs.user.ref,
      ),
      insertRow('teamMember', { userId: adminRefs.user, teamId: group.id }),
    ],
    events: [adminEvent('team', group.id, 'member_added', facts.actorId, { teamIds: [group.id] })],
  });
}

/** Puts an existing partner agent (or Tier 2 agent) in a group. */
export function decideAddGroupMember(facts: {
  group: SupportGroup | undefined;
  user: { id: number; name: string; role: Role } | undefined;
  actorId: number;
  now: string;
}): Effects {
  const group = supportGroupOrRefuse(facts.group);
  if (!facts.user)
    throw new DomainError('VALIDATION', 'Choose a person from the list.', {
      userId: 'Choose a person from the list',
    });
  checkAddGroupMember({ group, user: facts.user });
  return effects(facts.now, {
    writes: [insertRow('teamMember', { userId: facts.user.id, teamId: group.id })],
    events: [
      adminEvent('team', group.id, 'member_added', facts.actorId, {
        teamIds: [group.id],
        userIds: [facts.user.id],
      }),
    ],
  });
}

/**
 * Takes a member out of a group, decided on the group and the member's open tickets as loaded under
 * the write lock: refused while they work open tickets of the group, or when nobody would be left
 * to tell. The delete must take exactly their membership row, or nothing is changed.
 */
export function decideRemoveGroupMember(facts: {
  group: SupportGroup | undefined;
  userId: number;
  openTickets: readonly MemberTicket[];
  actorId: number;
  now: string;
}): Effects {
  const group = supportGroupOrRefuse(facts.group);
  checkRemoveGroupMember({ group, userId: facts.userId, openTickets: facts.openTickets });
  return effects(facts.now, {
    writes: [
      deleteRows(
        'teamMember',
        { teamId: group.id, userId: facts.userId },
        {
          expectRows: 1,
          conflict: `The members of ${group.name} changed meanwhile. Reload and try again; nothing was changed.`,
        },
      ),
    ],
    events: [
      adminEvent('team', group.id, 'member_removed', facts.actorId, {
        teamIds: [group.id],
        userIds: [facts.userId],
      }),
    ],
  });
}
