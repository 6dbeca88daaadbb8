// A Help Online case as one decision: the new incident (kb 000, 004), its uploads, and — when the
// portal policy routes it to CPS — Assign to CPS by the portal's system user, in the same commit.
import { effects, insertRow, mergeEffects, updateRow, type Effects } from '../change';
import { newIncidentEffects } from '../incident/create-incident';
import {
  incidentAudit,
  incidentEvent,
  incidentJournal,
  incidentNotifications,
  newIncidentRef,
} from '../incident/entity';
import { type Incident } from '../incident/schema';
import { type IntakeAttachment } from '../mail/intake-log';
import { assignToCps } from '../one-steps/assign-to-cps';
import { type OneStepEnv, type OneStepInput } from '../one-steps/contract';
import { createPortalCase } from '../portal/create-portal-case';

export type PortalCaseFacts = Parameters<typeof createPortalCase>[0] & {
  /** The incident's id and number, reserved inside the commit plan. */
  id: number;
  number: string;
  /** The customer's uploads, decoded (the schema has checked their size). */
  uploads: readonly IntakeAttachment[];
  /**
   * What Assign to CPS consults for the new case, acting as the portal's system user; called only
   * when the route says CPS, with the incident as it is about to be stored (the server loads it
   * through the commit plan's Reader, so maybe a promise).
   */
  cpsEnv: (incident: Incident) => OneStepEnv | Promise<OneStepEnv>;
};

/**
 * Files the case: the incident with its journal, audit and uploads, announced `created`; a case
 * routed to CPS is assigned to CPS (reason "portal or auto case") at once — the portal policy
 * decided from the facts the customer gave, and its decision is journaled with the case.
 */
export async function filePortalCaseEffects(facts: PortalCaseFacts): Promise<Effects> {
  const { number, now, actor, uploads } = facts;
  const drafts = createPortalCase(facts);
  const files = uploads.map((u) =>
    insertRow('attachment', {
      incidentId: newIncidentRef,
      inboundMailId: null,
      filename: u.filename,
      contentType: u.contentType,
      size: u.size,
      content: u.content,
      skippedReason: null,
      visibility: 'customer',
      uploadedById: actor.id,
      createdAt: now,
    }),
  );
  // The insert names the reserved id: Assign to CPS below decides on the incident under that id
  // (on PostgreSQL a reserved id is taken from the sequence, so an unnamed insert would get the next).
  const created = mergeEffects(newIncidentEffects(drafts, { number, now, id: facts.id }), {
    writes: files,
  });
  if (facts.route.destination !== 'cps') return created;
  const incident: Incident = { ...drafts.incident, number, id: facts.id };
  const env = { ...(await facts.cpsEnv(incident)), contactFacts: undefined };
  const step: OneStepInput<'assign_to_cps'> = {
    incidentId: incident.id,
    expectedVersion: incident.version,
    reason: 'portal_or_auto',
  };
  const result = assignToCps(env, step);
  const id = newIncidentRef;
  return mergeEffects(
    created,
    effects(now, {
      writes: [updateRow('incident', id, result.changes, { expectedVersion: incident.version })],
      journal: incidentJournal(id, result.journal),
      audit: incidentAudit(id, result.audit),
      notifications: incidentNotifications(id, result.notifications),
      presence: result.presence,
      events: [incidentEvent(id, 'onestep.assign_to_cps', env.actor.id, incident, result.changes)],
    }),
  );
}
