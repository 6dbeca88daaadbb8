// Loads what the notification rules need (templates, names, recipients) and asks the domain which
// e-mails a change sends. Callers queue the drafts in the same transaction as the change.
import {
  acknowledgementMail,
  noteMail,
  oneStepMail,
  resolveTemplates,
  type Actor,
  type Incident,
  type MailContext,
  type OneStepResult,
  type OutboxDraft,
  type TeamRecipients,
  type Visibility,
} from '@handoff/domain';
import {
  catalogRepository,
  customerRepository,
  mailTemplateRepository,
  teamRepository,
  type Db,
} from '@handoff/db';

/** The incident's mail context; `db` may be the commit plan's Reader (either engine). */
export async function loadMailContext(
  db: Db,
  incident: Incident,
): Promise<
  MailContext & { ownerTeam: TeamRecipients | null; recordedCustomerName: string | null }
> {
  const service = await catalogRepository.findServiceById(db, incident.serviceId);
  const [ownerTeam] = await teamRepository.findMailRecipients(db, [incident.ownerTeamId]);
  const customer = incident.customerId
    ? await customerRepository.findById(db, incident.customerId)
    : undefined;
  const address = incident.callerEmail ?? customer?.email ?? null;
  return {
    incident: {
      id: incident.id,
      number: incident.number,
      callerName: incident.callerName,
      description: incident.description,
      status: incident.status,
      serviceName: service
        ? `${service.name} › ${service.category} › ${service.subcategory}`
        : 'no service',
      teamName: ownerTeam?.name ?? `team #${incident.ownerTeamId}`,
    },
    customer: address ? { address, name: incident.callerName } : null,
    templates: resolveTemplates(await mailTemplateRepository.findAll(db)),
    ownerTeam: ownerTeam ?? null,
    // Only the matched customer's recorded name is verified; an e-mail's display name is not.
    recordedCustomerName: customer?.name ?? null,
  };
}

/**
 * The acknowledgement of a case that arrived by e-mail or portal (nothing for other channels). A
 * new incident has no id yet: the commit points the drafts at the row it inserts (`mailFor`).
 */
export async function acknowledgementFor(
  db: Db,
  incident: Omit<Incident, 'id'> & { id?: number },
): Promise<OutboxDraft[]> {
  const ctx = await loadMailContext(db, { ...incident, id: incident.id ?? 0 });
  return acknowledgementMail(ctx, incident.channel, ctx.recordedCustomerName);
}

/** The e-mail of a note: to the customer for an agent's customer-visible note, to the owning team for a customer's. */
export async function noteMailFor(
  db: Db,
  {
    incident,
    note,
    visibility,
    author,
  }: { incident: Incident; note: string; visibility: Visibility; author: Actor | null },
): Promise<OutboxDraft[]> {
  if (visibility !== 'customer') return [];
  const ctx = await loadMailContext(db, incident);
  return noteMail({ note, visibility, author, ctx, ownerTeam: ctx.ownerTeam });
}

/** The e-mails of a one-step, judged on the incident as the step leaves it. */
export async function oneStepMailFor(
  db: Db,
  { incident, result, actor }: { incident: Incident; result: OneStepResult; actor: Actor },
): Promise<OutboxDraft[]> {
  if (result.notifications.length === 0) return [];
  const after = { ...incident, ...result.changes };
  const teamIds = result.notifications.flatMap((n) =>
    n.audience === 'team' && n.targetId !== null ? [n.targetId] : [],
  );
  return oneStepMail(result, {
    ...(await loadMailContext(db, after)),
    actor,
    teams: await teamRepository.findMailRecipients(db, teamIds),
  });
}
