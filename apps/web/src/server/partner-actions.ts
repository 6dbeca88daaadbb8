// The channel-partner loads shared by the procedures and the e-mail intake: each runs inside a
// commit plan (the write lock is held), and the procedures hand what it loads to one domain decision.
import { type Actor, type PartnerEnv } from '@handoff/domain';
import { loadPartnerEnv, type Db } from '@handoff/db';
import { loadReadableIncident } from './readable-incident';

export {
  loadPartnerSubmit as loadSubmit,
  type PartnerSubmitFacts as SubmitFacts,
} from '@handoff/db';

/** What a partner step on a readable ticket consults, loaded inside the commit plan. */
export const loadPartnerStep = async (
  read: Db,
  actor: Actor,
  incidentId: number,
  now: string,
): Promise<PartnerEnv> =>
  loadPartnerEnv(read, {
    incident: (await loadReadableIncident(read, actor, { id: incidentId })).incident,
    actor,
    now,
  });
