// The words the incident page uses when someone else changed it ("Cameron Chen assigned it to CPS").
import { type OneStepName } from '../one-steps/contract';

const oneStepPhrases: Record<OneStepName, string> = {
  assign_to_cps: 'assigned it to CPS',
  transfer_to_cps: 'transferred it to a CPS agent',
  assign_to_east: 'assigned it to EAST',
  page_oncall: 'paged the on-call technician',
  send_to_hd_es: 'sent it to HD ES',
  escalate_to_technologists: 'escalated it to technologists',
  escalate_to_team: 'escalated it to another team',
  take_ownership: 'took ownership',
  link_to_problem: 'linked it to a problem',
  resolve: 'resolved it',
  close: 'closed it',
  reopen: 'reopened it',
  request_more_information: 'asked the customer for more information',
  mark_mission_critical: 'marked it mission critical',
  handle_normally: 'sent it back to normal handling',
};

const phrases: Record<string, string> = {
  created: 'created it',
  edited: 'edited its fields',
  note_added: 'added a customer-visible note',
  'note_added.internal': 'added an internal note',
  consult_opened: 'asked CPS or ES to take the chat',
  consult_accepted: 'accepted the chat consult',
  'partner.claim': 'claimed the ticket',
  'partner.pull': 'pulled the ticket to Tier 2',
  'partner.escalate': 'escalated it to Tier 2',
  'partner.return': 'returned it to the partner agent',
  'partner.comment': 'commented',
  'partner.comment.private': 'added a private comment',
  customer_note: 'added a note in Help Online',
  email_staff_note: 'added an internal note by e-mail',
  email_appended: 'replied by e-mail',
  email_reopened: 'reopened it by e-mail',
};

/** What a change event of `kind` did to an incident, as a phrase ("assigned it to CPS"). */
export function describeChange(kind: string): string {
  if (kind.startsWith('onestep.')) {
    const name = kind.slice('onestep.'.length) as OneStepName;
    if (name in oneStepPhrases) return oneStepPhrases[name];
  }
  return phrases[kind] ?? `changed it (${kind})`;
}

/** "Cameron Chen assigned it to CPS — now version 3"; the actor's name may be unknown (the system). */
export const changeSentence = (
  actorName: string | null,
  kind: string,
  version: number | null,
): string =>
  `${actorName ?? 'The system'} ${describeChange(kind)}${version === null ? '' : ` — now version ${version}`}`;
