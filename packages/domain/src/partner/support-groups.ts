// kb 003: "Each channel partner is set up with a client support Group containing one or more
// agents", and every member is told of each new ticket from the organisations the group supports;
// Tier 2 Support's members are told of each escalation. These rules say who may be in which group
// and keep a group from losing the people its tickets depend on.
import { DomainError } from '../errors';
import { roleLabels, type Role } from '../roles';

/** The groups whose membership decides who is told of partner tickets. */
export type SupportGroupKind = 'partner' | 'tier2';

export interface SupportGroup {
  id: number;
  name: string;
  kind: SupportGroupKind;
  /** Names of the organisations whose new tickets go to this group (none for Tier 2 Support). */
  organisations: readonly string[];
  members: readonly { id: number; name: string }[];
}

/** An open ticket a member works in the group, as a refusal names it. */
export interface MemberTicket {
  number: string;
  /** The incident is assigned to them in this group now. */
  isAssignee: boolean;
  /** They claimed it first and own the requester through every escalation (kb 003 rule 6). */
  isRelationshipAgent: boolean;
}

/** The one role a group's members have: partner agents in a partner group, Tier 2 agents in Tier 2 Support. */
export const memberRoleOf = (kind: SupportGroupKind): Role =>
  kind === 'partner' ? 'partner_agent' : 'tier2';

const whoMayJoin: Record<SupportGroupKind, (name: string) => string> = {
  partner: (name) => `Only partner agents can be in ${name}, a partner client-support group`,
  tier2: (name) => `Only Tier 2 agents can be in ${name}`,
};

/** Why the user cannot be added to the group, or null when they can. */
export function canAddGroupMember({
  group,
  user,
}: {
  group: SupportGroup;
  user: { id: number; name: string; role: Role };
}): string | null {
  if (user.role !== memberRoleOf(group.kind))
    return `${whoMayJoin[group.kind](group.name)}; ${user.name}'s role is ${roleLabels[user.role]}.`;
  if (group.members.some((m) => m.id === user.id))
    return `${user.name} is already in ${group.name}.`;
  return null;
}

/** kb 003: puts an existing partner agent (or Tier 2 agent) in a group; VALIDATION at `userId` otherwise. */
export function checkAddGroupMember(args: {
  group: SupportGroup;
  user: { id: number; name: string; role: Role };
}): void {
  const refusal = canAddGroupMember(args);
  if (refusal) throw new DomainError('VALIDATION', refusal, { userId: refusal });
}

/**
 * kb 003: a new login made straight into a group gets the group's member role. An address any login
 * or customer record already uses is refused, since sign-in and e-mail replies find people by it.
 */
export function checkNewGroupMember({
  group,
  email,
  isEmailInUse,
}: {
  group: SupportGroup;
  email: string;
  isEmailInUse: boolean;
}): { role: Role } {
  if (isEmailInUse)
    throw new DomainError('VALIDATION', `${email} is already in use.`, {
      email: 'Someone already uses this address',
    });
  return { role: memberRoleOf(group.kind) };
}

function ticketList(tickets: readonly MemberTicket[]): string {
  return tickets
    .map((t) => {
      const as = [
        t.isAssignee ? 'assignee' : null,
        t.isRelationshipAgent ? 'relationship agent' : null,
      ]
        .filter(Boolean)
        .join(' and ');
      return `${t.number} (${as})`;
    })
    .join(', ');
}

type Refusal = { code: 'VALIDATION' | 'INVALID_TRANSITION'; message: string };

function removalRefusal({
  group,
  userId,
  openTickets,
}: {
  group: SupportGroup;
  userId: number;
  openTickets: readonly MemberTicket[];
}): Refusal | null {
  const member = group.members.find((m) => m.id === userId);
  if (!member) return { code: 'VALIDATION', message: `That person is not in ${group.name}.` };
  const reasons: string[] = [];
  // Refused rather than unassigned: the relationship agent is the requester's only contact and
  // the one Tier 2 hands the ticket back to (kb 003 rule 6), so the admin settles those tickets first.
  if (openTickets.length > 0) {
    const then =
      group.kind === 'partner'
        ? 'A partner agent keeps the requester through every escalation, so they can leave the group once those tickets are resolved.'
        : 'Have them return those tickets to the partner agent first.';
    reasons.push(
      `${member.name} still works open tickets of ${group.name}: ${ticketList(openTickets)}. ${then}`,
    );
  }
  if (group.members.length === 1) {
    if (group.kind === 'tier2') {
      reasons.push(
        `${member.name} is the last member of ${group.name}: nobody would be told of escalations. Add another Tier 2 agent first.`,
      );
    } else if (group.organisations.length > 0) {
      reasons.push(
        `${member.name} is the last member of ${group.name}, which supports ${group.organisations.join(', ')}: nobody would be told of their new tickets. Add another agent first.`,
      );
    }
  }
  return reasons.length > 0 ? { code: 'INVALID_TRANSITION', message: reasons.join(' ') } : null;
}

/**
 * Why the member cannot leave the group, or null when they can (the admin page shows it on the
 * disabled Remove button). Refused: a member with open tickets in the group (as assignee or
 * relationship agent), and the last member of a group someone depends on (a partner group that
 * supports an organisation, or Tier 2 Support).
 */
export const canRemoveGroupMember = (args: {
  group: SupportGroup;
  userId: number;
  openTickets: readonly MemberTicket[];
}): string | null => removalRefusal(args)?.message ?? null;

/** kb 003: takes a member out of a group, or throws the refusal of `canRemoveGroupMember`. */
export function checkRemoveGroupMember(args: {
  group: SupportGroup;
  userId: number;
  openTickets: readonly MemberTicket[];
}): void {
  const refusal = removalRefusal(args);
  if (refusal) throw new DomainError(refusal.code, refusal.message);
}

/** A team the admin named must be a partner group or Tier 2 Support. */
export function supportGroupOrRefuse(group: SupportGroup | undefined): SupportGroup {
  if (!group) {
    const message = 'Choose a partner client-support group or Tier 2 Support.';
    throw new DomainError('VALIDATION', message, { teamId: message });
  }
  return group;
}
