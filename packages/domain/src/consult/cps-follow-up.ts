// kb 000 "Bomgar Chats": after a chat is assigned to CPS, "follow up on the message you originally
// posted in the Chat - Contract Partner Support teams channel and reply with 'assigned case to CPS.'"
// The step asks for it as a checklist item; ticking it journals that it was done (issue 14 item 12).
import { type Effects, effects } from '../change';
import { DomainError } from '../errors';
import { incidentEvent, incidentJournal } from '../incident/entity';
import { type Incident } from '../incident/schema';
import { internalNoteKind } from '../live/live-scope';
import { assertCan } from '../permissions';
import { type Actor } from '../roles';

export const followUpIds = ['cps_channel_assigned'] as const;
export type FollowUpId = (typeof followUpIds)[number];

/** The checklist item, in the words the agent reads. */
export const followUpTexts: Readonly<Record<FollowUpId, string>> = {
  cps_channel_assigned:
    'Reply “assigned case to CPS.” to your message in the Chat - Contract Partner Support channel.',
};

const dataOf = (entry: { data: unknown }): Record<string, unknown> =>
  typeof entry.data === 'object' && entry.data !== null
    ? (entry.data as Record<string, unknown>)
    : {};

/**
 * The checklist items still open on an incident: each asked for by a step's journal entry
 * (`data.followUp`) and not yet ticked (`data.followUpDone`) since.
 */
export function pendingFollowUps(journal: readonly { data: unknown }[]): FollowUpId[] {
  const open = new Set<FollowUpId>();
  for (const entry of journal) {
    const data = dataOf(entry);
    for (const id of followUpIds) {
      if (data.followUp === id) open.add(id);
      if (data.followUpDone === id) open.delete(id);
    }
  }
  return [...open];
}

/** Ticks a checklist item: an internal journal line saying it was done; refused when it is not open. */
export function tickFollowUpEffects({
  incident,
  journal,
  followUp,
  actor,
  now,
}: {
  incident: Incident;
  /** The incident's journal, oldest first. */
  journal: readonly { data: unknown }[];
  followUp: FollowUpId;
  actor: Actor;
  now: string;
}): Effects {
  assertCan(actor, 'consult.open');
  if (!pendingFollowUps(journal).includes(followUp)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      `${incident.number} has no open follow-up “${followUpTexts[followUp]}”`,
    );
  }
  return effects(now, {
    journal: incidentJournal(incident.id, [
      {
        kind: 'note',
        visibility: 'internal',
        body: `Follow-up done: ${followUpTexts[followUp]}`,
        authorId: actor.id,
        data: { followUpDone: followUp },
        createdAt: now,
      },
    ]),
    events: [incidentEvent(incident.id, internalNoteKind, actor.id, incident)],
  });
}
