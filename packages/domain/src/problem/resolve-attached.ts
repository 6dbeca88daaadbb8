import { type Incident } from '../incident/schema';
import { openStatuses } from '../incident/constants';
import { diffIncident, entry } from '../incident/changes';
import { resolveOutage } from '../outage/change-outage';
import { type OutageChange } from '../outage/entity';
import { type Outage } from '../outage/schema';
import { type OutboxDraft } from '../outbox';
import { type Actor } from '../roles';
import { assertProblemAction, problemRefusal } from './change-problem';
import { customerKeyOf, numberList } from './create-problem';
import { type IncidentWrite, resolveAttachedEffects } from './entity';
import { type Effects } from '../change/effects';
import { type NewProblemJournalEntry, type Problem } from './schema';

/** The General Help Desk's number, given to customers in the resolved-attached e-mail. */
export const helpDeskPhone = '608-264-4357';
export const resolvedAttachedTemplate = 'resolved-attached';

/** An incident linked to the problem, with the customer record it was filed for (if any). */
export interface AttachedIncident {
  incident: Incident;
  customer: { name: string; email: string } | null;
}

interface Recipient {
  address: string | null;
  name: string;
  incidents: Incident[];
}

const addressOf = ({ incident, customer }: AttachedIncident): string | null =>
  (customer?.email ?? incident.callerEmail ?? '').trim() || null;

// What identifies a person: their customer record and their address (in any letter case).
function personKeysOf(a: AttachedIncident): string[] {
  const address = addressOf(a)?.toLowerCase();
  const keys = a.incident.customerId !== null ? [`customer:${a.incident.customerId}`] : [];
  if (address) keys.push(`email:${address}`);
  return keys.length > 0 ? keys : [customerKeyOf(a.incident)];
}

/**
 * One recipient per distinct person (kb 001 step 10: "email all customers"), never one per
 * incident: incidents sharing a customer record or an address (any letter case) are one person,
 * so one filed for the customer record and another holding only their address send one e-mail.
 * The customer record's name and address win over what a caller gave.
 */
function recipientsOf(open: readonly AttachedIncident[]): Recipient[] {
  const parent = open.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const firstWithKey = new Map<string, number>();
  open.forEach((a, i) => {
    for (const key of personKeysOf(a)) {
      const j = firstWithKey.get(key);
      if (j === undefined) firstWithKey.set(key, i);
      else parent[root(i)] = root(j);
    }
  });
  const people = new Map<number, AttachedIncident[]>();
  open.forEach((a, i) => people.set(root(i), [...(people.get(root(i)) ?? []), a]));
  return [...people.values()].map((members) => {
    const record = members.find((m) => m.customer !== null);
    return {
      address:
        (record && addressOf(record)) ?? members.map(addressOf).find((x) => x !== null) ?? null,
      name: record?.customer?.name ?? members[0]!.incident.callerName,
      incidents: members.map((m) => m.incident),
    };
  });
}

const openOnly = (attached: readonly AttachedIncident[]) =>
  [...attached]
    .filter((a) => openStatuses.includes(a.incident.status))
    .sort((a, b) => a.incident.id - b.incident.id);

/** What the confirmation dialog says it will touch: open incidents, distinct customers, e-mails. */
export function previewResolveAttached(attached: readonly AttachedIncident[]) {
  const recipients = recipientsOf(openOnly(attached));
  return {
    incidents: recipients.reduce((n, r) => n + r.incidents.length, 0),
    customers: recipients.length,
    emails: recipients.filter((r) => r.address !== null).length,
    customersWithoutEmail: recipients.filter((r) => r.address === null).length,
  };
}

/** Why SNCC may not run Resolve Attached Incidents now (shown on the disabled button), or null. */
export function canResolveAttached(ctx: {
  problem: Problem;
  actor: Actor;
  attached: readonly AttachedIncident[];
}): string | null {
  const refusal = problemRefusal(ctx, 'problem.resolveAttached');
  if (refusal) return refusal.message;
  return openOnly(ctx.attached).length === 0
    ? `No open incident is attached to ${ctx.problem.number}.`
    : null;
}

function resolutionNote(problem: Problem, outage: Outage | null, incident: Incident): string {
  const cause = outage
    ? `problem ${problem.number} and outage ${outage.number} (${outage.title})`
    : `problem ${problem.number}`;
  return (
    `Resolved with ${cause}: the issue behind this incident has been fixed, so it should be resolved for you. ` +
    `If the issue still occurs, contact the Help Desk (${helpDeskPhone}) and mention ${incident.number}.`
  );
}

function emailFor(
  r: Recipient & { address: string },
  problem: Problem,
  outage: Outage | null,
): OutboxDraft {
  const numbers = r.incidents.map((i) => i.number);
  const yours = numbers.length === 1 ? `incident ${numbers[0]}` : `incidents ${numbers.join(', ')}`;
  const what = outage
    ? `the outage "${outage.title}"`
    : `the problem behind it (${problem.number})`;
  const lines = [
    `Hello ${r.name},`,
    '',
    `We have fixed ${what}, and your ${yours} should now be resolved.`,
    ...(outage ? ['', outage.publicSummary] : []),
    '',
    `If you believe the issue is still occurring, please contact the Help Desk at ${helpDeskPhone} (or reply to this message) and mention ${numbers[0]}.`,
    '',
    'DoIT Help Desk',
  ];
  return {
    incidentId: r.incidents[0]!.id,
    template: resolvedAttachedTemplate,
    toAddress: r.address,
    toName: r.name,
    subject: `Your ${yours} should now be resolved`,
    textBody: lines.join('\n'),
    autoSubmitted: true,
  };
}

/**
 * kb 001 step 10, SNCC's Resolve Attached Incidents: every open incident linked to the problem is
 * resolved (version + 1, audited, journaled with a note naming the problem and outage) and each
 * distinct customer gets exactly one e-mail. Incidents already resolved are left alone, so a second
 * run resolves nothing and sends nothing. An outage still active is resolved with them.
 */
export function resolveAttachedIncidents({
  problem,
  outage,
  attached,
  actor,
  now,
  expectedVersion,
}: {
  problem: Problem;
  outage: Outage | null;
  attached: readonly AttachedIncident[];
  actor: Actor;
  now: string;
  expectedVersion: number;
}): {
  incidents: IncidentWrite[];
  outbox: OutboxDraft[];
  problemJournal: NewProblemJournalEntry[];
  outage: OutageChange | null;
  counts: { incidents: number; customers: number; emails: number; customersWithoutEmail: number };
} {
  assertProblemAction({ problem, actor, now }, 'problem.resolveAttached', expectedVersion);
  const open = openOnly(attached);
  const recipients = recipientsOf(open);
  const counts = previewResolveAttached(attached);
  if (open.length === 0)
    return { incidents: [], outbox: [], problemJournal: [], outage: null, counts };

  const incidents = open.map(({ incident }): IncidentWrite => {
    const { changes, audit } = diffIncident({ incident, actor, now }, { status: 'resolved' });
    return {
      id: incident.id,
      expectedVersion: incident.version,
      changes,
      audit,
      journal: [
        entry(
          { actor, now },
          'system',
          'internal',
          `Resolved by ${actor.name} with Resolve Attached Incidents on ${problem.number}.`,
          {
            oneStep: 'resolve_attached',
            problemId: problem.id,
          },
        ),
        entry({ actor, now }, 'note', 'customer', resolutionNote(problem, outage, incident), {
          resolution: true,
        }),
      ],
    };
  });
  const outbox = recipients
    .filter((r): r is Recipient & { address: string } => r.address !== null)
    .map((r) => emailFor(r, problem, outage));
  const outageChange =
    outage?.status === 'active'
      ? resolveOutage(
          { outage, actor, now },
          {
            outageId: outage.id,
            expectedVersion: outage.version,
            note: `Resolved with ${problem.number}: the attached incidents are resolved.`,
          },
        )
      : null;
  const without = counts.customersWithoutEmail
    ? ` ${counts.customersWithoutEmail} without an e-mail address were not told.`
    : '';
  return {
    incidents,
    outbox,
    outage: outageChange,
    counts,
    problemJournal: [
      {
        kind: 'system',
        body:
          `Resolve Attached Incidents by ${actor.name}: ${counts.incidents} resolved (${numberList(open.map((a) => a.incident.number))}); ` +
          `${counts.emails} customer${counts.emails === 1 ? '' : 's'} e-mailed.${without}` +
          (outageChange ? ` Outage ${outage!.number} resolved.` : ''),
        authorId: actor.id,
        data: { incidentIds: open.map((a) => a.incident.id), emails: counts.emails },
        createdAt: now,
      },
    ],
  };
}

/** Resolve Attached Incidents as one commit, with the counts the confirmation reports. */
export function resolveAttachedIncidentsEffects(
  args: Parameters<typeof resolveAttachedIncidents>[0],
): Effects & {
  summary: ReturnType<typeof resolveAttachedIncidents>['counts'] & { outageResolved: boolean };
} {
  const result = resolveAttachedIncidents(args);
  const e = resolveAttachedEffects(
    args.problem,
    args.outage,
    args.attached.map((a) => a.incident),
    result,
    { actorId: args.actor.id, now: args.now },
  );
  return { ...e, summary: { ...result.counts, outageResolved: result.outage !== null } };
}
