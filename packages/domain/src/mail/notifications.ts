// Which e-mails a change sends and to whom (DOMAIN.md §5 "queues any notification"): each is an
// admin-editable template filled with the incident's fields, queued as an outbox draft.
import { type Incident } from '../incident/schema';
import { type OneStepResult } from '../one-steps/contract';
import { teamNames } from '../teams';
import { type OutboxDraft } from '../outbox';
import { type Role } from '../roles';
import { type MailTemplateKey, type MailTemplates, renderTemplate } from './templates';

export const teamNotifySettings = ['everyone', 'nobody'] as const;
export type TeamNotify = (typeof teamNotifySettings)[number];
export const teamNotifyLabels: Readonly<Record<TeamNotify, string>> = {
  everyone: 'Every member is e-mailed',
  nobody: 'Nobody is e-mailed',
};

/** The incident's fields the templates may use, with names resolved. */
export interface MailIncident {
  id: number;
  number: string;
  callerName: string;
  description: string;
  status: Incident['status'];
  serviceName: string;
  /** The owner team's name. */
  teamName: string;
}

export interface TeamRecipients {
  id: number;
  name: string;
  notify: TeamNotify;
  members: readonly { id: number; name: string; email: string }[];
}

export interface MailContext {
  incident: MailIncident;
  /** Where customer mail goes: the caller's e-mail, else the matched customer's; null when neither. */
  customer: { address: string; name: string | null } | null;
  templates: MailTemplates;
}

function values(incident: MailIncident, extra: Record<string, string>): Record<string, string> {
  return {
    number: incident.number,
    callerName: incident.callerName,
    description: incident.description,
    status: incident.status.replace(/_/g, ' '),
    service: incident.serviceName,
    team: incident.teamName,
    ...extra,
  };
}

/** A template's message to the customer, or nothing when there is no address to write to. */
export function customerMail(
  key: MailTemplateKey,
  ctx: MailContext,
  extra: Record<string, string> = {},
): OutboxDraft[] {
  if (!ctx.customer) return [];
  const { subject, body } = renderTemplate(ctx.templates[key], values(ctx.incident, extra));
  return [
    {
      incidentId: ctx.incident.id,
      template: key,
      toAddress: ctx.customer.address,
      toName: ctx.customer.name,
      subject,
      textBody: body,
      autoSubmitted: true,
    },
  ];
}

/** A template's message to each member of a team that wants mail (never to the person who acted). */
export function teamMail(
  key: MailTemplateKey,
  ctx: MailContext,
  team: TeamRecipients,
  {
    extra = {},
    exceptUserId = null,
  }: { extra?: Record<string, string>; exceptUserId?: number | null } = {},
): OutboxDraft[] {
  if (team.notify === 'nobody') return [];
  const { subject, body } = renderTemplate(
    ctx.templates[key],
    values({ ...ctx.incident, teamName: team.name }, extra),
  );
  return team.members
    .filter((m) => m.id !== exceptUserId)
    .map((m) => ({
      incidentId: ctx.incident.id,
      template: key,
      toAddress: m.email,
      toName: m.name,
      subject,
      textBody: body,
      autoSubmitted: true,
    }));
}

/**
 * The e-mails of a one-step: a change of owner team tells the new team's members (per its setting);
 * Resolve tells the customer, with the resolution they read on the journal.
 */
export function oneStepMail(
  result: Pick<OneStepResult, 'changes' | 'notifications' | 'journal'>,
  ctx: MailContext & { actor: { id: number; name: string }; teams: readonly TeamRecipients[] },
): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  const told = new Set<number>();
  for (const n of result.notifications) {
    if (
      n.audience === 'team' &&
      n.template === 'assigned' &&
      n.targetId !== null &&
      n.targetId === result.changes.ownerTeamId
    ) {
      const team = ctx.teams.find((t) => t.id === n.targetId);
      if (!team || told.has(team.id)) continue;
      told.add(team.id);
      drafts.push(
        ...teamMail('team-assigned', ctx, team, {
          extra: { actor: ctx.actor.name },
          exceptUserId: ctx.actor.id,
        }),
      );
    }
    if (n.audience === 'customer' && n.template === 'resolved') {
      const resolution =
        result.journal.find((j) => j.visibility === 'customer' && j.kind === 'note')?.body ??
        n.body;
      drafts.push(...customerMail('resolved', ctx, { note: resolution, actor: ctx.actor.name }));
    }
  }
  return drafts;
}

/**
 * The e-mail of a note: an agent's customer-visible note goes to the customer; a customer's own
 * note (portal or e-mail) goes to the owning team when that is not the General Help Desk, whose
 * queue receives every contact anyway.
 */
export function noteMail({
  note,
  visibility,
  author,
  ctx,
  ownerTeam,
}: {
  note: string;
  visibility: 'internal' | 'customer';
  /** Null for a customer's e-mail (no signed-in author). */
  author: { id: number; name: string; role: Role } | null;
  ctx: MailContext;
  ownerTeam: TeamRecipients | null;
}): OutboxDraft[] {
  if (visibility !== 'customer') return [];
  const fromCustomer = author === null || author.role === 'customer';
  if (!fromCustomer) return customerMail('customer-note', ctx, { note, actor: author.name });
  if (!ownerTeam || ownerTeam.name === teamNames.helpDesk) return [];
  return teamMail('customer-replied', ctx, ownerTeam, { extra: { note } });
}

/** The acknowledgement a customer gets, with the incident number, when a case arrives by e-mail or portal. */
export function acknowledgementMail(ctx: MailContext, channel: Incident['channel']): OutboxDraft[] {
  return channel === 'email' || channel === 'portal' ? customerMail('acknowledgement', ctx) : [];
}
