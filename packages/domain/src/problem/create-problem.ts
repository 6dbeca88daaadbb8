import { firstLine } from '../change/text';
import { DomainError } from '../errors';
import { type Effects } from '../change/effects';
import { type Incident } from '../incident/schema';
import { teamNames } from '../teams';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';
import {
  linkIncidentToProblem,
  linkRefusal,
  linkRefusalAny,
  type ProblemFacts,
} from './link-incident';
import { type IncidentWrite, linkEffects, newProblemEffects } from './entity';
import {
  type CreateProblemInput,
  type NewProblem,
  type NewProblemAuditEntry,
  type NewProblemJournalEntry,
} from './schema';

/** Catalog facts the Identify & Classify prefill reads. */
export interface ServiceFacts {
  id: number;
  name: string;
  category: string;
  subcategory: string;
}

/** One customer per record; a caller without one is told apart by e-mail, then by name. */
export function customerKeyOf(
  i: Pick<Incident, 'customerId' | 'callerEmail' | 'callerName'>,
): string {
  if (i.customerId !== null) return `customer:${i.customerId}`;
  if (i.callerEmail) return `email:${i.callerEmail.trim().toLowerCase()}`;
  return `caller:${i.callerName.trim().toLowerCase()}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 incidents from 2 customers": the impact HDQA starts from (issue 5). */
export const impactText = (
  incidents: readonly Pick<Incident, 'customerId' | 'callerEmail' | 'callerName'>[],
): string =>
  `${plural(incidents.length, 'incident')} from ${plural(new Set(incidents.map(customerKeyOf)).size, 'customer')}`;

/** Lists numbers, shortened after `max` so a 500-incident action still reads as one line. */
export const numberList = (numbers: readonly string[], max = 10): string =>
  numbers.length <= max
    ? numbers.join(', ')
    : `${numbers.slice(0, max).join(', ')} and ${numbers.length - max} more`;

/**
 * kb 001 step 5: the Identify & Classify fields, filled from the incidents HDQA gathered: the service
 * most of them are about, its category, the impact (incidents and distinct customers), the symptoms
 * from their descriptions, and when it was first seen.
 */
export function draftProblemFrom(
  incidents: readonly Incident[],
  services: readonly ServiceFacts[],
) {
  const sorted = [...incidents].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id,
  );
  const first = sorted[0];
  if (!first)
    throw new DomainError('VALIDATION', 'Choose at least one incident.', {
      incidentIds: 'Choose at least one incident',
    });
  const counts = new Map<number, number>();
  for (const i of sorted) counts.set(i.serviceId, (counts.get(i.serviceId) ?? 0) + 1);
  // The most reported service; on a tie, the one reported first.
  const serviceId = [...counts.entries()].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
  const service = services.find((s) => s.id === serviceId);
  const serviceName = service?.name ?? `service #${serviceId}`;
  const seen = new Set<string>();
  const symptoms: string[] = [];
  for (const i of sorted) {
    const text = i.description.trim();
    if (seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    symptoms.push(`- ${firstLine(text, 300)} (${i.number})`);
  }
  const symptomText = symptoms.join('\n');
  return {
    title: `${serviceName}: ${firstLine(first.description, 100)}`,
    serviceId,
    category: service ? `${service.category} › ${service.subcategory}` : 'Unclassified',
    impact: impactText(sorted),
    symptoms: symptomText.length > 10_000 ? `${symptomText.slice(0, 9_999)}…` : symptomText,
    firstSeenAt: first.createdAt,
  };
}

function assertLinkable(refusals: (string | null)[]) {
  const messages = refusals.filter((m): m is string => m !== null);
  if (messages.length > 0) {
    const shown =
      messages.length > 5
        ? [...messages.slice(0, 5), `…and ${messages.length - 5} more.`]
        : messages;
    throw new DomainError('VALIDATION', shown.join(' '), { incidentIds: shown.join(' ') });
  }
}

/**
 * kb 001 step 5: HDQA creates a problem from one or more open, unlinked incidents. It is owned by
 * HDQA until HDQA assigns it to SNCC (step 6); the incidents are linked with linkIncidentsToProblem.
 */
export function createProblem({
  input,
  incidents,
  services,
  teams,
  partnerTicketIds,
  actor,
  now,
}: {
  input: CreateProblemInput;
  incidents: readonly Incident[];
  services: readonly ServiceFacts[];
  teams: Readonly<Record<string, number>>;
  /** Which of the incidents are channel-partner tickets (never linked, kb 003). */
  partnerTicketIds: ReadonlySet<number>;
  actor: Actor;
  now: string;
}): { problem: NewProblem; journal: NewProblemJournalEntry[]; audit: NewProblemAuditEntry[] } {
  assertCan(actor, 'problem.create');
  assertLinkable(
    incidents.map((incident) => {
      const refusal = linkRefusalAny({
        incident,
        actor,
        partnerTicket: partnerTicketIds.has(incident.id),
      });
      if (refusal) return refusal.message;
      return incident.problemId !== null
        ? `${incident.number} is already linked to another problem.`
        : null;
    }),
  );
  const ownerTeamId = teams[teamNames.hdqa];
  if (ownerTeamId === undefined)
    throw new DomainError('NOT_FOUND', `No team named ${teamNames.hdqa} is set up.`);
  const draft = draftProblemFrom(incidents, services);
  const numbers = [...incidents].sort((a, b) => a.id - b.id).map((i) => i.number);
  return {
    problem: {
      ...draft,
      title: input.title ?? draft.title,
      status: 'open',
      ownerTeamId,
      outageId: null,
      version: 1,
      createdById: actor.id,
      createdAt: now,
      updatedAt: now,
      resolvedAt: null,
    },
    journal: [
      {
        kind: 'system',
        body: `Problem created by ${actor.name} from ${numberList(numbers)}.`,
        authorId: actor.id,
        data: { incidents: numbers.length },
        createdAt: now,
      },
    ],
    audit: [
      { actorId: actor.id, field: 'status', fromValue: null, toValue: 'open', version: 1, at: now },
    ],
  };
}

/**
 * kb 001 step 8: links every incident to the problem, all or nothing (every refusal is listed at
 * once), with one problem journal entry naming them.
 */
export function linkIncidentsToProblem({
  incidents,
  problem,
  partnerTicketIds,
  actor,
  now,
}: {
  incidents: readonly Incident[];
  problem: ProblemFacts;
  /** Which of the incidents are channel-partner tickets (never linked, kb 003). */
  partnerTicketIds: ReadonlySet<number>;
  actor: Actor;
  now: string;
}): { incidents: IncidentWrite[]; problemJournal: NewProblemJournalEntry[] } {
  assertLinkable(
    incidents.map(
      (incident) =>
        linkRefusal({ incident, actor, problem, partnerTicket: partnerTicketIds.has(incident.id) })
          ?.message ?? null,
    ),
  );
  const writes = incidents.map((incident) => ({
    id: incident.id,
    expectedVersion: incident.version,
    ...linkIncidentToProblem({ incident, problem, actor, now }),
  }));
  const numbers = incidents.map((i) => i.number);
  return {
    incidents: writes,
    problemJournal: [
      {
        kind: 'system',
        body: `${actor.name} linked ${plural(numbers.length, 'incident')}: ${numberList(numbers)}.`,
        authorId: actor.id,
        data: { incidentIds: incidents.map((i) => i.id) },
        createdAt: now,
      },
    ],
  };
}

/**
 * kb 001 step 5 as one commit: the problem (under the id and number reserved in the same
 * transaction) and the link of every incident it was created from.
 */
export function createProblemEffects(
  args: Parameters<typeof createProblem>[0] & { id: number; number: string },
): Effects {
  const { id, number, ...rest } = args;
  const drafts = createProblem(rest);
  const problem = { ...drafts.problem, id, number };
  const links = linkIncidentsToProblem({ ...rest, problem: { ...problem, outage: null } });
  return newProblemEffects(
    problem,
    drafts,
    linkEffects(problem, rest.incidents, links, { actorId: rest.actor.id, now: rest.now }),
  );
}

/** kb 001 step 8 as one commit: every incident's link and the problem's journal entry. */
export const linkIncidentsEffects = (args: Parameters<typeof linkIncidentsToProblem>[0]): Effects =>
  linkEffects(args.problem, args.incidents, linkIncidentsToProblem(args), {
    actorId: args.actor.id,
    now: args.now,
  });
