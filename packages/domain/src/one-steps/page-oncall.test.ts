import { describe, expect, test } from 'vitest';
import { type OneStepInput } from './contract';
import { pageOncall } from './page-oncall';
import {
  aimsOncall,
  domainErrorOf,
  type EnvOverrides,
  envFor,
  evening,
  validInput,
} from './test-fixtures';

const input = (patch: Partial<OneStepInput<'page_oncall'>> = {}) => ({
  ...validInput.page_oncall,
  ...patch,
});
const after = (overrides: EnvOverrides = {}) =>
  envFor('l1', { now: evening, oncallContact: aimsOncall, ...overrides });

describe('pageOncall (kb 001 "Emergency after-hours tech assistance")', () => {
  test('keeps the owner, promises the technician within an hour and logs the call', () => {
    const result = pageOncall(after(), input());
    expect(result.changes).toEqual({
      classification: 'Page on-call',
      status: 'in_progress',
      urgency: 'urgent',
      expectation: 'A technician calls within an hour.',
      promises: { techContactBy: '2026-11-25T02:00:00Z' },
      version: 4,
      updatedAt: evening,
    });
    expect(result.changes).not.toHaveProperty('ownerTeamId');
    expect(result.journal.map((j) => [j.kind, j.visibility])).toEqual([
      ['system', 'internal'],
      ['phone', 'internal'],
    ]);
    expect(result.journal[0]?.body).toMatch(
      /^Paged the AIMS on-call technician, who contacts the customer within an hour, by Tuesday 8:00 PM\./,
    );
    expect(result.journal[0]?.body).toContain(
      'I have passed your case INC-000001 to the on-call technician',
    );
    expect(result.journal[1]?.body).toBe(
      'Paged the AIMS on-call (Alex Oncall, 608-555-0199): answered',
    );
    expect(result.notifications).toEqual([]);
  });

  test('a voicemail is logged as such, and earlier promises are kept', () => {
    const result = pageOncall(
      after({ incident: { promises: { contactBy: 'x' } } }),
      input({ result: 'voicemail' }),
    );
    expect(result.journal[1]?.body).toBe(
      'Paged the AIMS on-call (Alex Oncall, 608-555-0199): voicemail left',
    );
    expect(result.changes.promises).toEqual({
      contactBy: 'x',
      techContactBy: '2026-11-25T02:00:00Z',
    });
  });

  test.each([
    [
      'no contact loaded',
      after({ oncallContact: undefined }),
      input(),
      { contactId: 'Choose who you called.' },
    ],
    [
      'another contact than the one chosen',
      after(),
      input({ contactId: 8 }),
      { contactId: 'Choose who you called.' },
    ],
    [
      'a contact of the other schedule',
      after(),
      input({ schedule: 'gds' }),
      { contactId: 'Alex Oncall is on the AIMS on-call schedule, not GDS.' },
    ],
    [
      'no phone anywhere',
      after({ incident: { callerPhone: null } }),
      input(),
      {
        callerPhone:
          'Give the customer’s phone number: after-hours handling needs full contact details.',
      },
    ],
    [
      'no expectation',
      after(),
      input({ expectation: '' }),
      { expectation: 'Write down what you told the customer to expect' },
    ],
  ])('%s → VALIDATION', (_name, env, given, fields) => {
    expect(domainErrorOf(() => pageOncall(env, given))).toMatchObject({
      code: 'VALIDATION',
      fields,
    });
  });
});
