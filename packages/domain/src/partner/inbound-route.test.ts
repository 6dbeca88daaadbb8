import { describe, expect, test } from 'vitest';
import { type InboundDecision } from '../mail/inbound';
import { partnerMailRoute, type PartnerMailFacts, type PartnerMailRoute } from './inbound-route';

const ticket = {
  incidentId: 42,
  number: 'INC-000042',
  requesterEmail: 'Rita@BadgerHealth.example',
};
const facts = (
  decision: InboundDecision,
  over: Partial<PartnerMailFacts> = {},
): PartnerMailFacts => ({
  decision,
  partnerTicket: ticket,
  senderAddress: 'rita@badgerhealth.example',
  senderIsEndUser: true,
  ...over,
});
const closedReason =
  'INC-000042 was closed or resolved more than 7 days ago, so this reply was not added to it; only its requester can open a follow-up by e-mail.';

describe('which desk an e-mail belongs to (kb 003)', () => {
  test.each<[string, PartnerMailFacts, PartnerMailRoute]>([
    [
      'noise stays with the Help Desk rules (ignored there)',
      facts({ action: 'ignore', reason: 'auto_submitted' }),
      { route: 'help_desk' },
    ],
    [
      'an unreadable message stays with the Help Desk rules (refused there)',
      facts({ action: 'reject', reason: 'empty' }),
      { route: 'help_desk' },
    ],
    [
      'a reply on an open partner ticket is a comment',
      facts({ action: 'append', incidentId: 42 }),
      { route: 'comment', incidentId: 42 },
    ],
    [
      'a reply on a recently resolved partner ticket is a comment (the comment reopens it)',
      facts({ action: 'reopen', incidentId: 42 }),
      { route: 'comment', incidentId: 42 },
    ],
    [
      'an agent reply is a comment too (the comment rule decides public or private)',
      facts(
        { action: 'append', incidentId: 42 },
        { senderAddress: 'partner@handoff.test', senderIsEndUser: false },
      ),
      { route: 'comment', incidentId: 42 },
    ],
    [
      'a reply on a Help Desk incident stays there',
      facts({ action: 'append', incidentId: 7 }, { partnerTicket: null }),
      { route: 'help_desk' },
    ],
    [
      'a reopen of a Help Desk incident stays there',
      facts({ action: 'reopen', incidentId: 7 }, { partnerTicket: null }),
      { route: 'help_desk' },
    ],
    [
      "the requester's reply to a closed ticket opens a follow-up ticket",
      facts({ action: 'follow_up', incidentId: 42 }),
      { route: 'new_ticket', followUpOf: 42 },
    ],
    [
      "an agent's reply to a closed ticket is refused",
      facts(
        { action: 'follow_up', incidentId: 42 },
        { senderAddress: 'partner@handoff.test', senderIsEndUser: false },
      ),
      { route: 'refuse', reason: closedReason },
    ],
    [
      'a reply to a closed ticket whose requester has no address is refused',
      facts(
        { action: 'follow_up', incidentId: 42 },
        { partnerTicket: { ...ticket, requesterEmail: null } },
      ),
      { route: 'refuse', reason: closedReason },
    ],
    [
      'a follow-up of a Help Desk incident stays there',
      facts({ action: 'follow_up', incidentId: 7 }, { partnerTicket: null }),
      { route: 'help_desk' },
    ],
    [
      "a new message from an organisation's end user is a partner ticket",
      facts({ action: 'create' }, { partnerTicket: null }),
      { route: 'new_ticket', followUpOf: null },
    ],
    [
      'a new message from anyone else is a Help Desk incident',
      facts({ action: 'create' }, { partnerTicket: null, senderIsEndUser: false }),
      { route: 'help_desk' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(partnerMailRoute(input)).toEqual(expected);
  });
});
