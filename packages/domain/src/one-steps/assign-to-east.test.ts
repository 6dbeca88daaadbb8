import { describe, expect, test } from 'vitest';
import { assignToEast, canAssignToEast } from './assign-to-east';
import { type OneStepInput } from './contract';
import { domainErrorOf, envFor, evening, validInput } from './test-fixtures';

const input = (patch: Partial<OneStepInput<'assign_to_east'>> = {}) => ({
  ...validInput.assign_to_east,
  ...patch,
});
const after = (incident = {}) => envFor('l1', { now: evening, incident });

describe('assignToEast (kb 001 "Handling Contract Partners After Hours")', () => {
  test('forces the after-hours service, hands the case to EAST and records the handling fields', () => {
    const result = assignToEast(after(), input());
    expect(result.changes).toEqual({
      serviceId: 900,
      ownerTeamId: 7,
      ownerAgentId: null,
      classification: 'Assign to EAST',
      status: 'assigned',
      urgency: 'can_wait_until_hdl2',
      expectation: 'CPS follows up when it opens.',
      version: 4,
      updatedAt: evening,
    });
    expect(result.audit.map((a) => a.field)).toEqual([
      'serviceId',
      'ownerTeamId',
      'ownerAgentId',
      'classification',
      'status',
      'urgency',
      'expectation',
    ]);
    expect(result.notifications).toEqual([
      expect.objectContaining({ audience: 'team', targetId: 7, template: 'assigned' }),
    ]);
  });

  test('the journal carries the EAST script with the incident number, CPS hours and phone', () => {
    const [system] = assignToEast(after(), input()).journal;
    expect(system?.body).toMatch(
      /^Assigned to EAST after hours; service set to DoIT Departmental Support > Service Inquiry > Unclassified\. Urgency: Can wait until HDL2\. Expectation given: CPS follows up when it opens\. Told the customer: “Your incident number is INC-000001\./,
    );
    expect(system?.body).toContain('they open next on Wednesday 7:00 AM');
    expect(system?.body).toContain('608-265-6900');
    expect(system?.body).not.toContain('{incidentNumber}');
  });

  test('a caller phone given in the form is stored on the incident', () => {
    const result = assignToEast(
      after({ callerPhone: null }),
      input({ callerPhone: '608-555-0142' }),
    );
    expect(result.changes.callerPhone).toBe('608-555-0142');
  });

  test.each([
    [
      'no phone anywhere',
      after({ callerPhone: null }),
      input(),
      'callerPhone',
      'Give the customer’s phone number: after-hours handling needs full contact details.',
    ],
    [
      'no expectation',
      after(),
      input({ expectation: ' ' }),
      'expectation',
      'Write down what you told the customer to expect',
    ],
    [
      'no urgency',
      after(),
      { ...input(), urgency: undefined } as unknown as OneStepInput<'assign_to_east'>,
      'urgency',
      'Say whether it is urgent or can wait until HDL2',
    ],
  ])('%s → VALIDATION', (_name, env, given, field, message) => {
    const error = domainErrorOf(() => assignToEast(env, given));
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ [field]: message });
  });

  test('an incident EAST already owns is refused', () => {
    expect(canAssignToEast(after({ ownerTeamId: 7 }))).toBe('INC-000001 is already owned by EAST.');
  });
});
