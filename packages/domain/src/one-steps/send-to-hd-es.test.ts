import { describe, expect, test } from 'vitest';
import { type OneStepInput } from './contract';
import { canSendToHdEs, sendToHdEs } from './send-to-hd-es';
import { domainErrorOf, envFor, now, validInput } from './test-fixtures';

const input = (patch: Partial<OneStepInput<'send_to_hd_es'>> = {}) => ({
  ...validInput.send_to_hd_es,
  ...patch,
});

describe('sendToHdEs (kb 002 Option 1)', () => {
  test('the HD ES queue owns it, with the troubleshooting note as an internal note', () => {
    const result = sendToHdEs(envFor('l1'), input());
    expect(result.changes).toEqual({
      ownerTeamId: 4,
      ownerAgentId: null,
      classification: 'Send to HD ES',
      status: 'assigned',
      version: 4,
      updatedAt: now,
    });
    expect(result.journal.map((j) => [j.kind, j.visibility, j.body])).toEqual([
      [
        'system',
        'internal',
        'Sent to HD ES; an Enterprise Support agent takes ownership and contacts the customer by e-mail at ccustomer@grad.wisc.edu.',
      ],
      ['note', 'internal', 'Cleared the cache; the error persists.'],
    ]);
    expect(result.notifications).toEqual([
      expect.objectContaining({
        audience: 'team',
        targetId: 4,
        subject: 'INC-000001 assigned to HD ES',
      }),
    ]);
  });

  test('the e-mail contact the customer gives becomes the caller e-mail', () => {
    const result = sendToHdEs(
      envFor('l1', { incident: { callerEmail: null } }),
      input({ callerEmail: 'Pat@Wisc.EDU' }),
    );
    expect(result.changes.callerEmail).toBe('pat@wisc.edu');
    expect(result.audit).toContainEqual(
      expect.objectContaining({ field: 'callerEmail', fromValue: null, toValue: 'pat@wisc.edu' }),
    );
  });

  test.each([
    [
      'no e-mail anywhere',
      envFor('l1', { incident: { callerEmail: null } }),
      input(),
      {
        callerEmail: 'Give the customer’s e-mail address: Enterprise Support follows up by e-mail.',
      },
    ],
    [
      'a malformed e-mail',
      envFor('l1'),
      input({ callerEmail: 'pat-at-wisc' }),
      { callerEmail: 'Enter the customer’s e-mail address' },
    ],
    [
      'no troubleshooting note',
      envFor('l1'),
      input({ troubleshootingNote: '  ' }),
      { troubleshootingNote: 'Describe the basic troubleshooting you did' },
    ],
  ])('%s → VALIDATION', (_name, env, given, fields) => {
    expect(domainErrorOf(() => sendToHdEs(env, given))).toMatchObject({
      code: 'VALIDATION',
      fields,
    });
  });

  test('an incident HD ES already owns is refused', () => {
    expect(canSendToHdEs(envFor('l1', { incident: { ownerTeamId: 4 } }))).toBe(
      'INC-000001 is already owned by HD ES.',
    );
  });
});
