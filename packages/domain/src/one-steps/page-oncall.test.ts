import { describe, expect, test } from 'vitest';
import { type OneStepInput } from './contract';
import { oncallMessage } from './oncall-message';
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
      'Paged the AIMS on-call (Alex Oncall, 608-555-0199): answered. ' +
        'Told them: “A case came in: INC-000001. Customer: Casey Customer, 608-555-0100. Problem: Forgot NetID password.”',
    );
    expect(result.notifications).toEqual([]);
  });

  test('a voicemail is logged as such, and earlier promises are kept', () => {
    const result = pageOncall(
      after({ incident: { promises: { contactBy: 'x' } } }),
      input({ result: 'voicemail' }),
    );
    expect(result.journal[1]?.body).toMatch(
      /^Paged the AIMS on-call \(Alex Oncall, 608-555-0199\): voicemail left\. Told them: /,
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

  // Issue 14 item 9: the schedule follows the customer's program, or the agent says why not.
  const gdsOncall = { id: 8, schedule: 'gds' as const, name: 'Gale Oncall', phone: '608-555-0198' };
  const aimsCustomer = { name: 'Dana Departmental', program: 'aims' as const };
  const dsCustomer = { name: 'Dana Departmental', program: 'ds' as const };
  test.each([
    ['an AIMS customer, the AIMS on-call', aimsCustomer, aimsOncall, {}],
    ['a DS customer, the GDS on-call', dsCustomer, gdsOncall, {}],
    ['no customer record: best judgment', undefined, gdsOncall, {}],
    ['a customer with no program: best judgment', { name: 'X', program: null }, aimsOncall, {}],
    [
      'an AIMS customer, the GDS on-call, with a reason',
      aimsCustomer,
      gdsOncall,
      {
        scheduleOverrideReason: 'AIMS on-call line is down; GDS agreed to cover.',
      },
    ],
  ] as const)('%s → pages', (_name, customer, contact, extra) => {
    const result = pageOncall(
      after({ oncallContact: contact, ...(customer ? { customer } : {}) }),
      input({ schedule: contact.schedule, contactId: contact.id, ...extra }),
    );
    expect(result.changes.classification).toBe('Page on-call');
    if ('scheduleOverrideReason' in extra) {
      expect(result.journal[0]?.body).toContain(
        'Paged GDS instead of AIMS: AIMS on-call line is down; GDS agreed to cover.',
      );
      expect(result.journal[0]?.data).toMatchObject({
        expectedSchedule: 'aims',
        overrideReason: 'AIMS on-call line is down; GDS agreed to cover.',
      });
    } else expect(result.journal[0]?.body).not.toContain('instead of');
  });

  test.each([
    [
      'an AIMS customer, the GDS on-call',
      aimsCustomer,
      gdsOncall,
      'Dana Departmental is a former AIMS contract partner: page the AIMS on-call, or say why you page GDS (kb 001).',
    ],
    [
      'a DS customer, the AIMS on-call',
      dsCustomer,
      aimsOncall,
      'Dana Departmental is a legacy DS contract partner: page the GDS on-call, or say why you page AIMS (kb 001).',
    ],
  ] as const)(
    '%s, no reason → VALIDATION at scheduleOverrideReason',
    (_n, customer, contact, message) => {
      expect(
        domainErrorOf(() =>
          pageOncall(
            after({ oncallContact: contact, customer }),
            input({
              schedule: contact.schedule,
              contactId: contact.id,
              scheduleOverrideReason: ' ',
            }),
          ),
        ),
      ).toMatchObject({ code: 'VALIDATION', fields: { scheduleOverrideReason: message } });
    },
  );

  test.each([
    [
      {},
      undefined,
      'A case came in: INC-000001. Customer: Casey Customer, 608-555-0100. Problem: Forgot NetID password.',
    ],
    [
      {},
      '608-555-0111',
      'A case came in: INC-000001. Customer: Casey Customer, 608-555-0111. Problem: Forgot NetID password.',
    ],
    [
      { callerPhone: null, description: `Printer down.\nMore detail ${'x'.repeat(300)}` },
      undefined,
      'A case came in: INC-000001. Customer: Casey Customer, no phone number given. Problem: Printer down.',
    ],
    [
      { description: 'y'.repeat(250) },
      undefined,
      `A case came in: INC-000001. Customer: Casey Customer, 608-555-0100. Problem: ${'y'.repeat(199)}…`,
    ],
  ])('the on-call message (kb 001) %#', (incident, phone, message) => {
    expect(oncallMessage({ ...after({ incident }).incident }, phone)).toBe(message);
  });
});
