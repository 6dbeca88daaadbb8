import { describe, expect, test } from 'vitest';
import { actorFor, incidentWith, now } from '../incident/test-fixtures';
import {
  decideInbound,
  followUpNote,
  type InboundMessage,
  noiseReason,
  receiveEmailIncident,
  receiveEmailReply,
} from './inbound';

const own = ['help@handoff.test'];

function message(overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    envelopeFrom: 'ccustomer@grad.wisc.edu',
    from: { address: 'ccustomer@grad.wisc.edu', name: 'Casey Customer' },
    subject: 'Printer jammed',
    messageId: '<m1@grad.wisc.edu>',
    inReplyTo: [],
    references: [],
    headers: {},
    text: 'The printer in room 112 jams on every page.',
    attachmentCount: 0,
    ...overrides,
  };
}

describe('noise and loop protection', () => {
  test.each([
    [
      'Auto-Submitted: auto-replied',
      { headers: { 'auto-submitted': 'auto-replied' } },
      'auto_submitted',
    ],
    [
      'Auto-Submitted: auto-generated; owner=x',
      { headers: { 'auto-submitted': 'Auto-Generated; owner-email="a@b"' } },
      'auto_submitted',
    ],
    ['Auto-Submitted: no is a person', { headers: { 'auto-submitted': 'no' } }, null],
    ['X-Autoreply: yes', { headers: { 'x-autoreply': 'yes' } }, 'auto_submitted'],
    [
      'Precedence: auto_reply (a vacation reply)',
      { headers: { precedence: 'auto_reply' } },
      'auto_submitted',
    ],
    [
      'Precedence: Auto_Reply in any case',
      { headers: { precedence: ' Auto_Reply ' } },
      'auto_submitted',
    ],
    ['Precedence: bulk', { headers: { precedence: 'bulk' } }, 'bulk'],
    ['Precedence: junk', { headers: { precedence: 'Junk' } }, 'bulk'],
    ['Precedence: list', { headers: { precedence: 'list' } }, 'bulk'],
    ['Precedence: first-class is a person', { headers: { precedence: 'first-class' } }, null],
    ['a List-Id header', { headers: { 'list-id': '<announce.lists.wisc.edu>' } }, 'bulk'],
    ['the null sender', { envelopeFrom: '' }, 'bounce'],
    [
      'From MAILER-DAEMON',
      { from: { address: 'MAILER-DAEMON@mail.wisc.edu', name: null } },
      'bounce',
    ],
    [
      'our own From address',
      { from: { address: 'Help@Handoff.test', name: 'Help Desk' } },
      'own_address',
    ],
    ['our own envelope sender', { envelopeFrom: 'help@handoff.test' }, 'own_address'],
    ['a person', {}, null],
  ] as const)('%s → %s', (_name, change, reason) => {
    expect(noiseReason(message(change as Partial<InboundMessage>), own)).toBe(reason);
  });
});

const open = {
  incident: { id: 5, number: 'INC-000005', status: 'in_progress' as const },
  resolvedAt: null,
};
const resolvedDaysAgo = (days: number) => ({
  incident: { id: 5, number: 'INC-000005', status: 'resolved' as const },
  resolvedAt: new Date(Date.parse(now) - days * 86_400_000).toISOString(),
});

describe('decideInbound', () => {
  test.each([
    ['a new message', {}, null, 0, { action: 'create' }],
    ['a reply to an open incident', {}, open, 0, { action: 'append', incidentId: 5 }],
    [
      'a reply to an incident resolved 6 days ago',
      {},
      resolvedDaysAgo(6),
      0,
      { action: 'reopen', incidentId: 5 },
    ],
    [
      'a reply to an incident resolved 8 days ago',
      {},
      resolvedDaysAgo(8),
      0,
      { action: 'follow_up', incidentId: 5 },
    ],
    [
      'a reply to a closed incident',
      {},
      {
        ...resolvedDaysAgo(1),
        incident: { id: 5, number: 'INC-000005', status: 'closed' as const },
      },
      0,
      { action: 'follow_up', incidentId: 5 },
    ],
    ['the 10th new incident within the hour', {}, null, 9, { action: 'create' }],
    ['the 11th new incident within the hour', {}, null, 10, { action: 'ignore', reason: 'flood' }],
    [
      'a reply from a flooding sender still lands',
      {},
      open,
      50,
      { action: 'append', incidentId: 5 },
    ],
    [
      'a message received before (same Message-ID)',
      { alreadyReceived: true },
      null,
      0,
      { action: 'ignore', reason: 'duplicate' },
    ],
    [
      'an auto-reply to an open incident',
      { headers: { 'auto-submitted': 'auto-replied' } },
      open,
      0,
      { action: 'ignore', reason: 'auto_submitted' },
    ],
    [
      'no text and no attachments',
      { text: '  ' },
      null,
      0,
      { action: 'reject', reason: expect.stringContaining('no readable text') },
    ],
    ['attachments only', { text: '', attachmentCount: 1 }, null, 0, { action: 'create' }],
    [
      'no usable sender',
      { from: null, envelopeFrom: 'not-an-address' },
      null,
      0,
      { action: 'reject', reason: expect.stringContaining('no usable sender') },
    ],
  ] as const)('%s', (_name, change, match, recent, expected) => {
    const { alreadyReceived, ...rest } = change as Partial<InboundMessage> & {
      alreadyReceived?: boolean;
    };
    expect(
      decideInbound({
        message: message(rest),
        ownAddresses: own,
        match,
        newIncidentsFromSenderLastHour: recent,
        alreadyReceived,
        now,
      }),
    ).toEqual(expected);
  });
});

describe('decideInbound: who may write in the matched incident, and how often', () => {
  const staff = { kind: 'staff' as const, actor: actorFor('l1') };
  const stranger = { kind: 'stranger' as const, reason: 'robin@example.org is not the caller' };
  const requester = { kind: 'requester' as const };
  const claimed = { number: 'INC-000005', reason: stranger.reason };
  test.each([
    ['the requester on an open incident', requester, open, {}, { action: 'append', incidentId: 5 }],
    [
      'the requester on a recently resolved one',
      requester,
      resolvedDaysAgo(2),
      {},
      { action: 'reopen', incidentId: 5 },
    ],
    [
      'staff on an open incident',
      staff,
      open,
      {},
      { action: 'staff_note', incidentId: 5, actor: staff.actor },
    ],
    [
      'staff on a recently resolved one: a note, never a reopen',
      staff,
      resolvedDaysAgo(2),
      {},
      { action: 'staff_note', incidentId: 5, actor: staff.actor },
    ],
    [
      'staff on one resolved long ago: still a note on it, no follow-up',
      staff,
      resolvedDaysAgo(30),
      {},
      { action: 'staff_note', incidentId: 5, actor: staff.actor },
    ],
    [
      'a stranger on an open incident: a new incident naming it',
      stranger,
      open,
      {},
      { action: 'create', claimed },
    ],
    [
      'a stranger on a recently resolved one: no reopen, a new incident',
      stranger,
      resolvedDaysAgo(2),
      {},
      { action: 'create', claimed },
    ],
    [
      'a stranger over the new-incident cap is ignored as a flood',
      stranger,
      open,
      { newIncidentsFromSenderLastHour: 10 },
      { action: 'ignore', reason: 'flood' },
    ],
    [
      'the 20th reply from one sender within the hour lands',
      requester,
      open,
      { repliesFromSenderLastHour: 19 },
      { action: 'append', incidentId: 5 },
    ],
    [
      'the 21st reply from one sender within the hour is ignored',
      requester,
      open,
      { repliesFromSenderLastHour: 20 },
      { action: 'ignore', reason: 'reply_flood_sender' },
    ],
    [
      'the 21st staff reply within the hour is ignored too',
      staff,
      open,
      { repliesFromSenderLastHour: 20 },
      { action: 'ignore', reason: 'reply_flood_sender' },
    ],
    [
      'the 31st reply to one incident within the hour is ignored',
      requester,
      open,
      { repliesToIncidentLastHour: 30 },
      { action: 'ignore', reason: 'reply_flood_incident' },
    ],
    [
      'the 30th reply to one incident lands',
      requester,
      open,
      { repliesToIncidentLastHour: 29 },
      { action: 'append', incidentId: 5 },
    ],
    [
      'the reply caps do not hold back a follow-up of an old incident',
      requester,
      resolvedDaysAgo(30),
      { repliesFromSenderLastHour: 99, repliesToIncidentLastHour: 99 },
      { action: 'follow_up', incidentId: 5 },
    ],
  ] as const)('%s', (_name, replySender, match, counts, expected) => {
    expect(
      decideInbound({
        message: message(),
        ownAddresses: own,
        match,
        replySender,
        newIncidentsFromSenderLastHour: 0,
        ...counts,
        now,
      }),
    ).toEqual(expected);
  });
});

describe('receiveEmailIncident', () => {
  test('an unknown sender: channel email, in the team queue with no agent, made by nobody, flagged unmatched', () => {
    const { incident, journal, audit } = receiveEmailIncident({
      message: message({ from: { address: 'Stranger@Example.org', name: null } }),
      customer: null,
      ownerTeamId: 1,
      serviceId: 15,
      now,
    });
    expect(incident).toMatchObject({
      channel: 'email',
      callerName: 'stranger',
      callerEmail: 'stranger@example.org',
      customerId: null,
      ownerTeamId: 1,
      ownerAgentId: null,
      createdById: null,
      status: 'new',
      serviceId: 15,
      preferredContact: 'email',
      description: 'Printer jammed\n\nThe printer in room 112 jams on every page.',
    });
    expect(journal.map((j) => [j.kind, j.visibility, j.authorId])).toEqual([
      ['system', 'internal', null],
      ['email', 'customer', null],
    ]);
    expect(journal[0]).toMatchObject({
      body: expect.stringContaining('match the customer'),
      data: { unmatchedSender: true },
    });
    expect(audit).toEqual([
      { actorId: null, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
    ]);
  });

  test('a known customer is matched; a follow-up names the old incident', () => {
    const { incident, journal } = receiveEmailIncident({
      message: message(),
      customer: { id: 100, name: 'Casey Customer' },
      ownerTeamId: 1,
      serviceId: 15,
      now,
      followUpOf: { number: 'INC-000005' },
    });
    expect(incident).toMatchObject({ customerId: 100, callerName: 'Casey Customer' });
    expect(journal[0]).toMatchObject({
      body: expect.stringContaining('Follow-up to INC-000005'),
      data: { unmatchedSender: false, followUpOf: 'INC-000005' },
    });
    expect(followUpNote('INC-000009', now)).toMatchObject({
      kind: 'system',
      data: { followUp: 'INC-000009' },
    });
  });

  test('a stranger’s reply to a tagged subject: a new incident whose note names the claimed number for review', () => {
    const { journal } = receiveEmailIncident({
      message: message({ subject: 'Re: [INC-000005] Update' }),
      customer: null,
      ownerTeamId: 1,
      serviceId: 15,
      now,
      claimed: { number: 'INC-000005', reason: 'robin@example.org is not the caller' },
    });
    expect(journal[0]).toMatchObject({
      visibility: 'internal',
      body: expect.stringContaining(
        'names INC-000005, but nothing was added to it (robin@example.org is not the caller)',
      ),
      data: { unmatchedSender: true, claimedIncident: 'INC-000005' },
    });
  });

  test('a huge body is clipped to the description limit', () => {
    const { incident } = receiveEmailIncident({
      message: message({ text: 'x'.repeat(20_000) }),
      customer: null,
      ownerTeamId: 1,
      serviceId: 15,
      now,
    });
    expect(incident.description).toHaveLength(10_000);
  });
});

describe('receiveEmailReply', () => {
  test('on an open incident: one customer-visible e-mail entry, nothing else changes', () => {
    expect(
      receiveEmailReply({ incident: incidentWith(), message: message(), reopen: false, now }),
    ).toEqual({
      changes: {},
      journal: [
        expect.objectContaining({
          kind: 'email',
          visibility: 'customer',
          body: 'The printer in room 112 jams on every page.',
        }),
      ],
      audit: [],
    });
  });

  test('the quoted earlier message is left out of the entry', () => {
    const text =
      'Still jammed.\n\nOn Tue, Nov 24, 2026, Help Desk <help@handoff.test> wrote:\n> We cleared it.';
    expect(
      receiveEmailReply({
        incident: incidentWith(),
        message: message({ text }),
        reopen: false,
        now,
      }).journal[0]!.body,
    ).toBe('Still jammed.');
  });

  test.each([
    ['an agent owns it', 10, 'in_progress'],
    ['only the team owns it', null, 'assigned'],
  ])('reopening when %s → %s, version bumped and audited', (_name, ownerAgentId, status) => {
    const incident = incidentWith({ status: 'resolved', ownerAgentId });
    const result = receiveEmailReply({ incident, message: message(), reopen: true, now });
    expect(result.changes).toEqual({ status, version: 4, updatedAt: now });
    expect(result.audit).toEqual([
      {
        actorId: null,
        field: 'status',
        fromValue: 'resolved',
        toValue: status,
        version: 4,
        at: now,
      },
    ]);
    expect(result.journal.map((j) => j.kind)).toEqual(['system', 'email']);
  });
});
