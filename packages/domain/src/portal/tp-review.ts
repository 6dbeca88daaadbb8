import { type Incident, type TpTriage } from '../incident/schema';
import { isPrimaryTpInScope } from '../routing/rules/primary-tech-partner';

/** The triage states the TP review queue lists (kb 004 step 2): not yet decided, or mission critical and not yet escalated. */
export const tpReviewQueueStates = [
  'review',
  'mission_critical',
] as const satisfies readonly TpTriage[];

/** Shorter than this and a reviewer cannot classify the case from the description alone. */
export const minClassifiableDescription = 20;

export type CompletenessItem = 'service' | 'description' | 'contact' | 'peopleAffected';
export interface CompletenessCheck {
  item: CompletenessItem;
  ok: boolean;
  text: string;
}

type ReviewedIncident = Pick<
  Incident,
  'description' | 'callerPhone' | 'callerEmail' | 'preferredContact' | 'peopleAffected'
>;

/**
 * kb 004 step 2 "review the case for accuracy and completeness of information": the four things
 * the Help Desk needs before it can decide whether a Primary TP's case is mission critical.
 */
export function tpCompleteness(
  incident: ReviewedIncident,
  service: { name: string; category: string; subcategory: string } | null,
): CompletenessCheck[] {
  const length = incident.description.trim().length;
  const { callerPhone: phone, callerEmail: email, preferredContact } = incident;
  const contactOk =
    preferredContact === 'phone'
      ? !!phone
      : preferredContact === 'email'
        ? !!email
        : !!(phone || email);
  const contactText = contactOk
    ? `Contact: ${preferredContact === 'phone' ? `phone ${phone}` : preferredContact === 'email' ? `e-mail ${email}` : (phone ?? email)}`
    : `Contact: prefers ${preferredContact ?? 'to be contacted'} but gave no ${preferredContact === 'email' ? 'e-mail address' : 'phone number'}`;
  return [
    {
      item: 'service',
      ok: service !== null,
      text: service
        ? `Service: ${service.name} › ${service.category} › ${service.subcategory}`
        : 'Service: not chosen',
    },
    {
      item: 'description',
      ok: length >= minClassifiableDescription,
      text:
        length >= minClassifiableDescription
          ? `Description: ${length} characters`
          : `Description: too short to classify (${length} characters)`,
    },
    { item: 'contact', ok: contactOk, text: contactText },
    {
      item: 'peopleAffected',
      ok: incident.peopleAffected !== null,
      text:
        incident.peopleAffected === null
          ? 'People affected: not known'
          : `People affected: ${incident.peopleAffected}${incident.peopleAffected > 1 ? ' (more than one: mission critical)' : ' (one person: handle normally)'}`,
    },
  ];
}

export const isComplete = (checks: readonly CompletenessCheck[]): boolean =>
  checks.every((c) => c.ok);

/** Whether a service is in the Primary TP scope, and why in words (kb 004 "The scope of Support"). */
export function tpScope(service: { supportCategory: number; technologistGroup: string | null }): {
  inScope: boolean;
  text: string;
} {
  const { supportCategory, technologistGroup } = service;
  if (isPrimaryTpInScope(service)) {
    return {
      inScope: true,
      text: `In Primary TP scope (category ${supportCategory}, ${technologistGroup} technologists).`,
    };
  }
  const why =
    supportCategory !== 1 && supportCategory !== 2
      ? `category ${supportCategory} products are excluded`
      : `${technologistGroup ?? 'no technologist group'} is not SNCC, DRMT, Middleware or IIAT`;
  return { inScope: false, text: `Out of Primary TP scope (${why}): handle normally.` };
}
