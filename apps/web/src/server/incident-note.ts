// A note from the incident page as one decision, loaded inside its commit plan (incident.addNote).
import {
  addNoteEffects,
  assertCan,
  decideComment,
  type Actor,
  type addNoteSchema,
  type Effects,
} from '@handoff/domain';
import { type Db } from '@handoff/db';
import { type z } from 'zod';
import { customerNotePlan } from './customer-note';
import { noteMailFor } from './mail/notify';
import { loadPartnerStep } from './partner-actions';
import { loadReadableIncident } from './readable-incident';

/**
 * Channel-partner tickets follow their own comment rules and notifications (kb 003); a customer's
 * note re-notifies the owning team (kb 000), whichever page it came from; a staff note is journaled,
 * and e-mailed to the customer when it is customer-visible.
 */
export async function notePlan(
  read: Db,
  actor: Actor,
  input: z.infer<typeof addNoteSchema>,
  now: string,
): Promise<Effects> {
  if (actor.role === 'customer' && input.visibility === 'internal')
    assertCan(actor, 'incident.addInternalNote');
  const { incident, partnerScope } = await loadReadableIncident(read, actor, {
    id: input.incidentId,
  });
  const { body, visibility } = input;
  if (partnerScope.partnerTeamId !== null)
    return decideComment(await loadPartnerStep(read, actor, incident.id, now), {
      body,
      visibility,
      via: 'web',
    });
  if (actor.role === 'customer')
    return customerNotePlan(read, actor, now, { incidentId: incident.id, body });
  const mail = await noteMailFor(read, { incident, note: body, visibility, author: actor });
  return addNoteEffects({ incident, body, visibility, actor, partnerScope, now, mail });
}
