// Who leads each team (issue 18): told when the team's clock breaches, and sees /reports.
// Administrators set a team's leads on /admin; one commit, one admin audit row per lead added or
// removed, and a change event for the admin page and the people concerned.
import '../zod-config';
import { z } from 'zod';
import { adminAuditRow } from '../admin/entity';
import { deleteRows, effects, insertRow, type Effects } from '../change/effects';
import { DomainError } from '../errors';
import { can } from '../permissions';
import { type Actor, type Role } from '../roles';

export interface TeamLead {
  teamId: number;
  userId: number;
}

declare module '../change/entities' {
  interface Entities {
    teamLead: { row: TeamLead; insert: TeamLead };
  }
}

export const teamLeadsInputSchema = z.object({
  teamId: z.number().int().positive(),
  userIds: z
    .array(z.number().int().positive())
    .max(10, 'At most 10 leads per team')
    .refine((ids) => new Set(ids).size === ids.length, 'A person is listed twice'),
});
export type TeamLeadsInput = z.infer<typeof teamLeadsInputSchema>;

/** A user as the team-lead rules see them. */
export interface LeadCandidate {
  id: number;
  name: string;
  role: Role;
  deactivatedAt: string | null;
  /** False for the system accounts (Help Online's portal user): no password opens them. */
  signsIn: boolean;
}

/**
 * Who may lead a team: our own staff (the permission table's `reports.read`, which a lead is given),
 * signed in as themselves; not customers or partner agents (outside the university), not a system
 * account (nobody could read the reports or the breach warnings as it), not a deactivated login.
 */
export const mayLead = (p: Omit<LeadCandidate, 'id' | 'name'>): boolean =>
  can(p.role, 'reports.read') && p.signsIn && p.deactivatedAt === null;

export interface TeamLeadsEnv {
  team: { id: number; name: string } | undefined;
  current: readonly number[];
  /** The users named in the input, as stored. */
  people: readonly LeadCandidate[];
}

/** Sets a team's leads to exactly `userIds`: inserts the new ones, deletes the dropped ones. */
export function setTeamLeads(
  actor: Pick<Actor, 'id'>,
  env: TeamLeadsEnv,
  input: TeamLeadsInput,
  now: string,
): Effects {
  const { team } = env;
  if (!team) throw new DomainError('NOT_FOUND', 'No such team.');
  for (const id of input.userIds) {
    const person = env.people.find((p) => p.id === id);
    if (!person) throw new DomainError('VALIDATION', `No user ${id}.`, { userIds: 'No such user' });
    if (person.deactivatedAt !== null)
      throw new DomainError('VALIDATION', `${person.name} is deactivated.`, {
        userIds: 'Deactivated',
      });
    if (!can(person.role, 'reports.read'))
      throw new DomainError(
        'VALIDATION',
        `${person.name} is not our staff and cannot lead a team.`,
        {
          userIds: 'Staff only',
        },
      );
    if (!mayLead(person))
      throw new DomainError(
        'VALIDATION',
        `${person.name} is a system account, which nobody signs in as, and cannot lead a team.`,
        { userIds: 'System account' },
      );
  }
  const added = input.userIds.filter((id) => !env.current.includes(id));
  const removed = env.current.filter((id) => !input.userIds.includes(id));
  if (added.length === 0 && removed.length === 0)
    throw new DomainError('VALIDATION', `These are already ${team.name}’s leads.`);
  return effects(now, {
    writes: [
      ...removed.map((userId) =>
        deleteRows('teamLead', { teamId: team.id, userId }, { expectRows: 1 }),
      ),
      ...added.map((userId) => insertRow('teamLead', { teamId: team.id, userId })),
      ...removed.map((userId) =>
        adminAuditRow(actor.id, 'team_lead', team.id, 'lead', String(userId), null, now),
      ),
      ...added.map((userId) =>
        adminAuditRow(actor.id, 'team_lead', team.id, 'lead', null, String(userId), now),
      ),
    ],
    events: [
      {
        entity: 'teamLead',
        entityId: team.id,
        kind: 'leads_changed',
        teamIds: [team.id],
        userIds: [...added, ...removed],
        actorId: actor.id,
      },
    ],
  });
}
