// The channel-partner loads shared by the procedures and the e-mail intake: each runs inside a
// commit plan (the write lock is held), and the procedures hand what it loads to one domain decision.
import {
  decideComment,
  type Actor,
  type Incident,
  type PartnerEnv,
  type Visibility,
} from '@handoff/domain';
import { commitSync, loadPartnerEnv, type Db } from '@handoff/db';
import { loadReadableIncident } from './readable-incident';

export {
  loadPartnerSubmit as loadSubmit,
  type PartnerSubmitFacts as SubmitFacts,
} from '@handoff/db';

/** What a partner step on a readable ticket consults, loaded inside the commit plan. */
export const loadPartnerStep = (
  read: Db,
  actor: Actor,
  incidentId: number,
  now: string,
): PartnerEnv =>
  loadPartnerEnv(read, {
    incident: loadReadableIncident(read, actor, { id: incidentId }).incident,
    actor,
    now,
  });

/**
 * A comment on a partner ticket from the web (incident.addNote sends partner tickets here): the
 * comment rules decide on the ticket as loaded under the write lock, and the result is committed.
 */
export function commentOnPartnerTicket(
  db: Db,
  args: {
    incident: Incident;
    actor: Actor;
    body: string;
    visibility: Visibility;
    via: 'web' | 'email';
    now: string;
  },
): void {
  commitSync(db, (read) =>
    decideComment(loadPartnerStep(read, args.actor, args.incident.id, args.now), args),
  );
}
