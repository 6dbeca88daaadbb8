import { describe, expect, test } from 'vitest';
import { assignToCps, canAssignToCps } from './assign-to-cps';
import { type OneStepInput } from './contract';
import { domainErrorOf, envFor, now, validInput } from './test-fixtures';

const input = (patch: Partial<OneStepInput<'assign_to_cps'>> = {}) => ({
  ...validInput.assign_to_cps,
  ...patch,
});

describe('assignToCps (kb 000 "Assign the case to CPS")', () => {
  test('a phone case with no CPS agent ready goes to the CPS queue with the callback promises', () => {
    const result = assignToCps(envFor('l1'), input());
    // Tuesday 10:00 Chicago: contact by 14:00 the same day, call CPS if nothing by Wednesday 10:00.
    const promises = {
      contactBy: '2026-11-24T20:00:00Z',
      callIfNoContactBy: '2026-11-25T16:00:00Z',
    };
    expect(result.changes).toEqual({
      ownerTeamId: 3,
      ownerAgentId: null,
      classification: 'Transfer to CPS',
      status: 'assigned',
      promises,
      version: 4,
      updatedAt: now,
    });
    expect(result.audit.map((a) => [a.field, a.fromValue, a.toValue])).toEqual([
      ['ownerTeamId', '1', '3'],
      ['ownerAgentId', '10', null],
      ['classification', null, 'Transfer to CPS'],
      ['status', 'new', 'assigned'],
      ['promises', '{}', JSON.stringify(promises)],
    ]);
    expect(result.journal).toHaveLength(1);
    expect(result.journal[0]).toMatchObject({
      kind: 'system',
      visibility: 'internal',
      body:
        'Assigned to US - Help Desk CPS — reason: No CPS agents ready. Callback number: 608-555-0100. ' +
        'CPS contacts the customer by Tuesday 2:00 PM; if they have not heard back by Wednesday 10:00 AM they call 608-265-6900.',
    });
    expect(result.journal[0]?.data).toMatchObject({
      oneStep: 'assign_to_cps',
      reason: 'no_cps_agents_ready',
    });
    expect(String((result.journal[0]?.data as { script: string }).script)).toContain(
      'You should be contacted within 4 business hours, by Tuesday 2:00 PM',
    );
    expect(result.notifications).toEqual([
      expect.objectContaining({
        audience: 'team',
        targetId: 3,
        template: 'assigned',
        subject: 'INC-000001 assigned to US - Help Desk CPS',
      }),
    ]);
    expect(result.presence).toEqual([]);
  });

  test('a new callback number also becomes the caller phone', () => {
    const result = assignToCps(envFor('l1'), input({ callbackPhone: '608-555-0111' }));
    expect(result.changes.callerPhone).toBe('608-555-0111');
    expect(result.audit).toContainEqual(
      expect.objectContaining({
        field: 'callerPhone',
        fromValue: '608-555-0100',
        toValue: '608-555-0111',
      }),
    );
  });

  test('Friday 16:30 + 4 business hours is Monday 09:30 (DOMAIN.md §3)', () => {
    const friday = '2026-11-20T22:30:00.000Z';
    const result = assignToCps(envFor('l1', { now: friday }), input());
    expect(result.changes.promises).toEqual({
      contactBy: '2026-11-23T15:30:00Z',
      callIfNoContactBy: '2026-11-23T22:30:00Z',
    });
  });

  test('an e-mail needs no callback number, and Other carries its explanation', () => {
    const env = envFor('hdqa', { incident: { channel: 'email' } });
    const result = assignToCps(env, {
      incidentId: 1,
      expectedVersion: 3,
      reason: 'other',
      reasonOther: 'Customer asked for CPS',
    });
    expect(result.journal[0]?.body).toMatch(
      /^Assigned to US - Help Desk CPS — reason: Other \(Customer asked for CPS\)\. CPS contacts/,
    );
    expect(result.journal[0]?.data).toMatchObject({ script: null, callbackPhone: null });
  });

  test.each([
    [
      'Other without an explanation',
      'email',
      input({ reason: 'other' }),
      { reasonOther: 'Explain why you chose Other.' },
    ],
    [
      'a phone case without a callback number',
      'phone',
      input({ callbackPhone: undefined }),
      { callbackPhone: 'Give the callback number CPS will call.' },
    ],
    [
      'a malformed callback number',
      'phone',
      input({ callbackPhone: 'call me' }),
      { callbackPhone: 'Enter a phone number such as 608-555-0100' },
    ],
    [
      'no reason',
      'email',
      { incidentId: 1, expectedVersion: 3 } as OneStepInput<'assign_to_cps'>,
      { reason: 'Choose a reason' },
    ],
  ] as const)('%s → VALIDATION', (_name, channel, given, fields) => {
    const error = domainErrorOf(() => assignToCps(envFor('l1', { incident: { channel } }), given));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual(fields);
  });

  describe('a chat (kb 000 "Bomgar Chats": collect the preferred contact, then reply in the CPS channel)', () => {
    const chatEnv = () =>
      envFor('l1', { incident: { channel: 'chat', callerEmail: 'hana@extension.wisc.edu' } });
    const chatInput = (patch: Partial<OneStepInput<'assign_to_cps'>> = {}) =>
      input({ reason: 'chat_not_answered', callbackPhone: undefined, ...patch });

    test.each([
      [
        'no preferred contact',
        chatInput(),
        {
          preferredContact:
            'Ask the customer how CPS should contact them (phone or e-mail) before assigning the chat to CPS.',
        },
      ],
      [
        'phone preferred, no number',
        chatInput({ preferredContact: 'phone' }),
        { callbackPhone: 'Give the phone number CPS will call.' },
      ],
      [
        'e-mail preferred, no address',
        chatInput({ preferredContact: 'email' }),
        { contactEmail: 'Give the e-mail address CPS will write to.' },
      ],
      [
        'e-mail preferred, a malformed address',
        chatInput({ preferredContact: 'email', contactEmail: 'hana at wisc' }),
        { contactEmail: 'Enter the e-mail address CPS should write to' },
      ],
    ] as const)('%s → VALIDATION at the field', (_name, given, fields) => {
      const error = domainErrorOf(() => assignToCps(chatEnv(), given));
      expect(error.code).toBe('VALIDATION');
      expect(error.fields).toEqual(fields);
    });

    test('phone preferred: stored and journaled, and the CPS-channel follow-up is asked for', () => {
      const result = assignToCps(
        chatEnv(),
        chatInput({ preferredContact: 'phone', callbackPhone: '608-555-0123' }),
      );
      expect(result.changes).toMatchObject({
        preferredContact: 'phone',
        callerPhone: '608-555-0123',
      });
      expect(result.changes).not.toHaveProperty('callerEmail');
      expect(result.journal[0]?.body).toMatch(
        /^Assigned to US - Help Desk CPS — reason: Chat not answered in 10 minutes\. Preferred contact: phone 608-555-0123\. CPS contacts/,
      );
      expect(result.journal[0]?.data).toMatchObject({
        preferredContact: 'phone',
        callbackPhone: '608-555-0123',
        contactEmail: null,
        followUp: 'cps_channel_assigned',
      });
    });

    test('e-mail preferred: the address becomes the caller e-mail, audited', () => {
      const result = assignToCps(
        chatEnv(),
        chatInput({ preferredContact: 'email', contactEmail: 'Hana.C@Extension.wisc.edu' }),
      );
      expect(result.changes).toMatchObject({
        preferredContact: 'email',
        callerEmail: 'hana.c@extension.wisc.edu',
      });
      expect(result.audit).toContainEqual(
        expect.objectContaining({ field: 'preferredContact', fromValue: null, toValue: 'email' }),
      );
      expect(result.journal[0]?.body).toContain(
        'Preferred contact: e-mail hana.c@extension.wisc.edu.',
      );
    });

    test('a phone case is asked for no preferred contact and no follow-up', () => {
      const result = assignToCps(envFor('l1'), input());
      expect(result.changes).not.toHaveProperty('preferredContact');
      expect(result.journal[0]?.data).not.toHaveProperty('followUp');
    });
  });

  test('an incident CPS already owns is refused', () => {
    const env = envFor('l1', { incident: { ownerTeamId: 3 } });
    expect(canAssignToCps(env)).toBe('INC-000001 is already owned by US - Help Desk CPS.');
    expect(domainErrorOf(() => assignToCps(env, input())).code).toBe('INVALID_TRANSITION');
  });
});
