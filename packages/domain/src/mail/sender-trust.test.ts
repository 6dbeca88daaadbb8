import { describe, expect, test } from 'vitest';
import { actorFor, incidentWith, now } from '../incident/test-fixtures';
import { type Role } from '../roles';
import { type InboundMessage } from './inbound';
import {
  acknowledgementsPerAddressPerHour,
  acknowledgementsPerHour,
  acknowledgementWithheld,
  pickThreadMatch,
  receiveStaffEmailReply,
  type ReplyClaim,
  trustReplySender,
} from './sender-trust';

const incident = incidentWith({
  number: 'INC-000001',
  callerEmail: 'ccustomer@grad.wisc.edu',
  customerId: 100,
});
const requesterAddresses = ['ccustomer@grad.wisc.edu', 'customer@handoff.test'];
const subject: ReplyClaim = { via: 'subject' };
const ownThread: ReplyClaim = { via: 'thread', knowsSender: true };
const forgedThread: ReplyClaim = { via: 'thread', knowsSender: false };
const login = (role: Role, overrides = {}) => actorFor(role, { id: 42, ...overrides });

describe('trustReplySender', () => {
  test.each([
    ['the caller', 'ccustomer@grad.wisc.edu', null, subject, 'requester'],
    ['the caller, in other case', ' CCustomer@Grad.Wisc.EDU ', null, subject, 'requester'],
    ['another known address of the customer', 'customer@handoff.test', null, subject, 'requester'],
    [
      'the requester threading by mail sent to them',
      'customer@handoff.test',
      null,
      ownThread,
      'requester',
    ],
    ['an L1 agent', 'l1@handoff.test', login('l1'), subject, 'staff'],
    ['a technologist', 'technologist@handoff.test', login('technologist'), subject, 'staff'],
    ['an admin', 'admin@handoff.test', login('admin'), subject, 'staff'],
    ['staff threading by mail sent to them', 'cps@handoff.test', login('cps'), ownThread, 'staff'],
    [
      'staff who is also the requester writes as the requester',
      'customer@handoff.test',
      login('l1'),
      subject,
      'requester',
    ],
    ['a stranger with the tag', 'robin@example.org', null, subject, 'stranger'],
    [
      'another customer with a login',
      'tp@handoff.test',
      login('customer', { customerId: 200 }),
      subject,
      'stranger',
    ],
    [
      'a partner agent (cannot read Help Desk incidents)',
      'partner@handoff.test',
      login('partner_agent'),
      subject,
      'stranger',
    ],
    [
      'a stranger with a forged In-Reply-To (mail never sent to them)',
      'robin@example.org',
      null,
      forgedThread,
      'stranger',
    ],
    [
      'even the requester, threading only by mail sent to someone else',
      'ccustomer@grad.wisc.edu',
      null,
      forgedThread,
      'stranger',
    ],
  ] as const)('%s → %s', (_name, senderAddress, staff, claim, kind) => {
    expect(
      trustReplySender({ senderAddress, incident, requesterAddresses, staff, claim }).kind,
    ).toBe(kind);
  });

  test('a stranger’s reason names the sender and the incident', () => {
    expect(
      trustReplySender({
        senderAddress: 'robin@example.org',
        incident,
        requesterAddresses,
        staff: null,
        claim: subject,
      }),
    ).toEqual({
      kind: 'stranger',
      reason: 'robin@example.org is not the caller, the customer or staff of INC-000001',
    });
  });

  test('an incident with no customer: only the caller’s e-mail is the requester', () => {
    const walkIn = incidentWith({ customerId: null, callerEmail: 'walkin@example.org' });
    const judge = (senderAddress: string) =>
      trustReplySender({
        senderAddress,
        incident: walkIn,
        requesterAddresses: [],
        staff: null,
        claim: subject,
      }).kind;
    expect([judge('walkin@example.org'), judge('ccustomer@grad.wisc.edu')]).toEqual([
      'requester',
      'stranger',
    ]);
  });
});

describe('pickThreadMatch', () => {
  test.each([
    ['nothing named', [], null],
    [
      'a message sent to the sender',
      [{ incidentId: 5, address: 'Robin@Example.org' }],
      { incidentId: 5, knowsSender: true },
    ],
    [
      'only messages sent to someone else: the first, flagged',
      [
        { incidentId: 5, address: 'casey@example.org' },
        { incidentId: 6, address: 'kim@example.org' },
      ],
      { incidentId: 5, knowsSender: false },
    ],
    [
      'the sender’s own message wins over an earlier one to someone else',
      [
        { incidentId: 5, address: 'casey@example.org' },
        { incidentId: 7, address: 'robin@example.org' },
      ],
      { incidentId: 7, knowsSender: true },
    ],
  ] as const)('%s', (_name, candidates, expected) => {
    expect(pickThreadMatch(candidates, 'robin@example.org')).toEqual(expected);
  });
});

const reply = (overrides: Partial<InboundMessage> = {}): InboundMessage => ({
  envelopeFrom: 'l1@handoff.test',
  from: { address: 'l1@handoff.test', name: 'Lee' },
  subject: 'Re: [INC-000001] Update',
  messageId: '<s1@handoff.test>',
  inReplyTo: [],
  references: [],
  headers: {},
  text: 'Called the customer, waiting on them.\n\nOn Tue, Help Desk wrote:\n> Update',
  attachmentCount: 0,
  ...overrides,
});

describe('receiveStaffEmailReply', () => {
  test('an internal note by the staff member, quote dropped, marked as e-mail', () => {
    expect(
      receiveStaffEmailReply({ incident, message: reply(), actor: login('l1'), now }).journal,
    ).toEqual([
      {
        kind: 'note',
        visibility: 'internal',
        body: 'Called the customer, waiting on them.',
        authorId: 42,
        data: {
          via: 'email',
          from: 'l1@handoff.test',
          subject: 'Re: [INC-000001] Update',
          messageId: '<s1@handoff.test>',
        },
        createdAt: now,
      },
    ]);
  });

  test('on a closed incident it is refused with the reason', () => {
    expect(() =>
      receiveStaffEmailReply({
        incident: incidentWith({ status: 'closed' }),
        message: reply(),
        actor: login('l1'),
        now,
      }),
    ).toThrow(/closed/);
  });
});

describe('acknowledgementWithheld', () => {
  test.each([
    ['the first to an address', 0, 0, null],
    ['the last one allowed to an address', acknowledgementsPerAddressPerHour - 1, 0, null],
    ['one more to the same address', acknowledgementsPerAddressPerHour, 0, /this address/],
    ['under the overall cap', 0, acknowledgementsPerHour - 1, null],
    ['over the overall cap', 0, acknowledgementsPerHour, /the desk already sent/],
  ] as const)('%s', (_name, toAddressLastHour, allLastHour, expected) => {
    const reason = acknowledgementWithheld({ toAddressLastHour, allLastHour });
    if (expected === null) expect(reason).toBeNull();
    else expect(reason).toMatch(expected);
  });
});
