// kb 001: an incident attached to an open outage's problem is never handed on, so a chat consult still
// waiting for a CPS or ES agent ends, with a journal line, however the incident came under the outage:
// linked one by one (Link to problem), linked in bulk (problem.linkIncidents), its problem linked to the
// outage (problem.linkOutage), or the outage starting (issue 14 item 4).
import { type Effects, effects, mergeEffects } from '../change';
import { consultEvent, expireConsult } from '../consult/entity';
import { consultEndedByOutage } from '../consult/outage-ended';
import { type ConsultRequest } from '../consult/schema';
import { incidentEvent, incidentJournal } from '../incident/entity';
import { type Incident } from '../incident/schema';
import { type Outage } from '../outage/schema';
import { startOutageEffects } from '../outage/change-outage';
import { linkIncidentsEffects } from '../problem/create-problem';
import { linkProblemToOutageEffects } from '../problem/change-problem';

/** An open consult and the incident it is about, as the repository loads them. */
export interface OpenConsultOf {
  consult: Pick<ConsultRequest, 'id' | 'team' | 'openedById'>;
  incident: Pick<Incident, 'id' | 'number' | 'ownerTeamId' | 'ownerAgentId' | 'createdById'>;
}

type OpenOutage = Pick<Outage, 'number' | 'status'>;
const isOpen = (outage: OpenOutage | null | undefined): outage is OpenOutage =>
  outage?.status === 'planned' || outage?.status === 'active';

/** Ends each open consult: the consult expires, its incident's journal says why, both announced. */
export function endConsultsForOutage(
  consults: readonly OpenConsultOf[],
  outage: OpenOutage,
  { actorId, now }: { actorId: number; now: string },
): Effects {
  return effects(now, {
    writes: consults.map(({ consult }) => expireConsult(consult)),
    journal: consults.flatMap(({ consult, incident }) =>
      incidentJournal(incident.id, [
        {
          ...consultEndedByOutage(incident.number, consult.team, outage),
          authorId: actorId,
          createdAt: now,
        },
      ]),
    ),
    events: consults.flatMap(({ consult, incident }) => [
      consultEvent(consult.id, 'expired', actorId, consult, { incident }),
      incidentEvent(incident.id, 'consult_ended', actorId, incident),
    ]),
  });
}

type LinkIncidentsArgs = Parameters<typeof linkIncidentsEffects>[0];

/** kb 001 step 8 in bulk: the links, and the consults of the linked incidents end if the outage is open. */
export function linkIncidentsEndingConsultsEffects(
  args: LinkIncidentsArgs & { openConsults: readonly OpenConsultOf[] },
): Effects {
  const links = linkIncidentsEffects(args);
  const outage = args.problem.outage;
  if (!isOpen(outage)) return links;
  const linked = new Set(args.incidents.map((i) => i.id));
  const ending = args.openConsults.filter((c) => linked.has(c.incident.id));
  return mergeEffects(
    links,
    endConsultsForOutage(ending, outage, { actorId: args.actor.id, now: args.now }),
  );
}

type LinkOutageCtx = Parameters<typeof linkProblemToOutageEffects>[0];

/** kb 001 step 7: the problem linked to the (open) outage, and its incidents' consults end. */
export function linkOutageEndingConsultsEffects(
  ctx: LinkOutageCtx & { openConsults: readonly OpenConsultOf[] },
  input: Parameters<typeof linkProblemToOutageEffects>[1],
): Effects {
  // linkProblemToOutage refuses a resolved outage, so the outage is open once this returns.
  const link = linkProblemToOutageEffects(ctx, input);
  return mergeEffects(
    link,
    endConsultsForOutage(ctx.openConsults, ctx.outage, { actorId: ctx.actor.id, now: ctx.now }),
  );
}

type StartCtx = Parameters<typeof startOutageEffects>[0];

/** A planned outage starts: the consults still open on its problems' incidents end. */
export function startOutageEndingConsultsEffects(
  ctx: StartCtx & { openConsults: readonly OpenConsultOf[] },
  input: Parameters<typeof startOutageEffects>[1],
): Effects {
  const started = startOutageEffects(ctx, input);
  return mergeEffects(
    started,
    endConsultsForOutage(
      ctx.openConsults,
      { number: ctx.outage.number, status: 'active' },
      { actorId: ctx.actor.id, now: ctx.now },
    ),
  );
}
