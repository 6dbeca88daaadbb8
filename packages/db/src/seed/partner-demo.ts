// Demo channel-partner tickets (kb 003), loaded beside the demo data when the app starts on an
// empty database: one waiting in Badger Health's queue, one escalated and waiting for Tier 2.
// Kept out of seedDemoData so tests that count the seeded incidents are not affected.
import {
  decideClaim,
  decideEscalate,
  decideSubmitTicket,
  newIncidentRef,
  type Actor,
} from '@handoff/domain';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { loadPartnerEnvSync, loadPartnerSubmitSync } from '../partner-env';
import * as incidentRepository from '../repositories/incident';
import * as organisationRepository from '../repositories/organisation';
import * as userRepository from '../repositories/user';

const hoursBefore = (now: string, h: number) =>
  new Date(Date.parse(now) - h * 3_600_000).toISOString();

function actorOf(db: Db, email: string): Actor {
  const user = userRepository.findByEmailSync(db, email);
  const actor = user && userRepository.findActorByIdSync(db, user.id);
  if (!actor) throw new Error(`The demo data has no ${email}; load it first.`);
  return actor;
}

function submit(db: Db, email: string, description: string, at: string) {
  const actor = actorOf(db, email);
  const customer = organisationRepository.findCustomerByEmailSync(db, email)!;
  return commitSync(db, (read) =>
    decideSubmitTicket(
      loadPartnerSubmitSync(read, {
        actor,
        customer,
        input: { description },
        channel: 'portal',
        now: at,
      }),
    ),
  ).row('incident', newIncidentRef);
}

/** One partner step by `actor` at `at`, decided on the ticket as it is then. */
const step = (
  db: Db,
  incidentId: number,
  actor: Actor,
  at: string,
  decide: (env: ReturnType<typeof loadPartnerEnvSync>) => ReturnType<typeof decideClaim>,
) =>
  commitSync(db, (read) =>
    decide(
      loadPartnerEnvSync(read, {
        incident: incidentRepository.findByIdSync(read, incidentId)!,
        actor,
        now: at,
      }),
    ),
  );

export function seedPartnerDemoTickets(db: Db, { now }: { now: string }): void {
  submit(
    db,
    'rita@badgerhealth.example',
    'Patient portal login loops back to the sign-in page since this morning’s update.',
    hoursBefore(now, 3),
  );

  const escalated = submit(
    db,
    'bao@badgerhealth.example',
    'Lab results PDF will not open in the clinician app; other PDFs open fine.',
    hoursBefore(now, 6),
  );
  const parker = actorOf(db, 'partner@handoff.test');
  step(db, escalated.id, parker, hoursBefore(now, 5), decideClaim);
  step(db, escalated.id, parker, hoursBefore(now, 4), (env) =>
    decideEscalate(env, {
      incidentId: escalated.id,
      expectedVersion: env.incident.version,
      privateComment:
        'Reproduced with Bao’s account on two devices; the PDF viewer logs “unsupported encryption”. Needs the vendor’s eyes.',
    }),
  );
}
