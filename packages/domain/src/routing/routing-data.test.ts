import { describe, expect, test } from 'vitest';
import { assignToCpsReasonIds, assignToCpsReasons } from './assign-to-cps-reasons';
import { chatDeadlines } from './chat';
import { chatTemplates, chatTemplatesFor } from './chat-templates';
import { departmentOfComputer, isDepartmentalComputer } from './departments';
import { demoDepartments } from './test-fixtures';
import { answerQuestion, isQuestionOpen, routingQuestionPrompts } from './questions';
import { requiredFieldsFor } from './required-fields';
import { type ContactFacts, contactFactsSchema, routingQuestions } from './schemas';
import { fillScript } from './script-placeholder';

const facts: ContactFacts = {
  at: '2026-02-10T16:00:00Z',
  channel: 'phone',
  service: { banner: null },
  customer: { coned: true },
};

describe('Assign to CPS reasons', () => {
  test('the kb 000 picklist, in order, with stable ids; only Other needs an explanation', () => {
    expect(assignToCpsReasons.map((r) => r.id)).toEqual([...assignToCpsReasonIds]);
    expect(assignToCpsReasons.map((r) => r.label)).toEqual([
      'PICK 5 service',
      'Coned customer',
      'Departmental computer',
      'No CPS agents ready',
      'Chat not answered in 10 minutes',
      'Portal or auto case',
      'Other',
    ]);
    expect(assignToCpsReasons.filter((r) => r.needsExplanation).map((r) => r.id)).toEqual([
      'other',
    ]);
  });

  test('choosing Other makes its explanation required', () => {
    expect(requiredFieldsFor('assign_to_cps', 'email', { assignReason: 'other' })).toEqual([
      'callerName',
      'callerContact',
      'service',
      'description',
      'assignReason',
      'assignReasonOther',
    ]);
    expect(
      requiredFieldsFor('assign_to_cps', 'chat', { assignReason: 'chat_not_answered' }),
    ).toEqual(['callerName', 'callerContact', 'service', 'description']);
    expect(requiredFieldsFor('es_queue', 'email', { assignReason: 'other' })).not.toContain(
      'assignReasonOther',
    );
  });
});

describe('chat templates and deadlines (kb 000, 002)', () => {
  test('the named templates: three for CPS (kb 000), two for ES (kb 002)', () => {
    expect(Object.values(chatTemplates).map((t) => t.name)).toEqual([
      'CPS Supported Customer',
      'CPS Supported Service',
      'CPS busy',
      'ES Supported Service',
      'ES busy',
    ]);
    expect(chatTemplates['cps-busy'].text).toContain('608-265-6900');
    expect(chatTemplates['es-busy'].text).toMatch(/contact you by e-mail/);
  });

  test.each([
    ['cps', ['cps-supported-customer', 'cps-supported-service'], 'cps-busy'],
    ['es', ['es-supported-service'], 'es-busy'],
  ] as const)(
    'a chat consulted with %s is offered its own templates (issue 14.12)',
    (team, opening, busy) => {
      expect(chatTemplatesFor(team)).toEqual({ opening, busy });
      if (team === 'es')
        for (const id of [...opening, busy]) expect(chatTemplates[id].text).not.toMatch(/CPS/);
    },
  );

  test('5 and 10 minutes of clock time, across the DST change too', () => {
    expect(chatDeadlines('2026-02-10T16:00:00Z')).toEqual({
      sendBusyTemplateAt: '2026-02-10T16:05:00Z',
      assignToCpsAt: '2026-02-10T16:10:00Z',
    });
    expect(chatDeadlines('2026-03-08T01:55:00-06:00')).toEqual({
      sendBusyTemplateAt: '2026-03-08T08:00:00Z',
      assignToCpsAt: '2026-03-08T08:05:00Z',
    });
  });
});

describe('isDepartmentalComputer (kb 000)', () => {
  test.each([
    ['CAE-1234', true],
    ['cae1234', true],
    ['CAE', true],
    ['caesar-pc', false],
    ['MDSN_77', true],
    ['chem-nmr-2', true],
    // Issue 14 item 7: GRAD and SOE are departments but not contract partners (kb 000 list).
    ['grad.lab.3', false],
    ['GRAD-0042', false],
    ['SOE-LT-7', false],
    ['aimsbox', true],
    ['  wdn7 ', true],
    ['xyz-1', false],
  ])('%s → %s with the demo departments', (name, expected) => {
    expect(isDepartmentalComputer(name, demoDepartments)).toBe(expected);
  });

  test('an empty short name in the data matches nothing', () => {
    const blank = [
      { shortName: '', contractPartner: true },
      { shortName: '  ', contractPartner: true },
    ];
    expect(isDepartmentalComputer('1234', blank)).toBe(false);
  });

  test('the longest matching short name names the department', () => {
    const nested = [
      { shortName: 'CS', contractPartner: false, name: 'Computer Sciences' },
      { shortName: 'CS2', contractPartner: true, name: 'Computer Sciences Lab 2' },
    ];
    expect(departmentOfComputer('CS2-9', nested)?.name).toBe('Computer Sciences Lab 2');
    expect(departmentOfComputer('cs-9', nested)?.name).toBe('Computer Sciences');
    expect(isDepartmentalComputer('CS2-9', nested)).toBe(true);
    expect(isDepartmentalComputer('CS-9', nested)).toBe(false);
  });
});

describe('questions', () => {
  test('every question has a prompt', () => {
    for (const q of routingQuestions) expect(routingQuestionPrompts[q].length).toBeGreaterThan(0);
  });

  test('answering fills exactly the fact the question names', () => {
    expect(isQuestionOpen(facts, 'confirmDepartment')).toBe(true);
    const confirmed = answerQuestion(facts, { question: 'confirmDepartment', value: false });
    expect(confirmed.customer).toEqual({ coned: true, contractDepartment: false });
    expect(isQuestionOpen(confirmed, 'confirmDepartment')).toBe(false);

    const personal = answerQuestion(facts, { question: 'computerName', value: null });
    expect(personal.computerName).toBeNull();
    expect(isQuestionOpen(personal, 'computerName')).toBe(false);

    const work = answerQuestion(facts, { question: 'workRelated', value: false });
    expect(work.workRelated).toBe(false);
    expect(isQuestionOpen(work, 'workRelated')).toBe(false);
    expect(isQuestionOpen(work, 'missionCritical')).toBe(true);
  });
});

describe('contactFactsSchema', () => {
  test('accepts offsets and Z, rejects a local time without offset and impossible dates', () => {
    expect(
      contactFactsSchema.safeParse({ ...facts, at: '2026-02-10T10:00:00-06:00' }).success,
    ).toBe(true);
    expect(contactFactsSchema.safeParse({ ...facts, at: '2026-02-10T10:00:00' }).success).toBe(
      false,
    );
    expect(contactFactsSchema.safeParse({ ...facts, at: '2026-02-30T10:00:00Z' }).success).toBe(
      false,
    );
  });

  test('a blank computer name is not a name (null means personal device)', () => {
    expect(contactFactsSchema.safeParse({ ...facts, computerName: '   ' }).success).toBe(false);
    expect(contactFactsSchema.safeParse({ ...facts, computerName: null }).success).toBe(true);
  });
});

test('fillScript puts the incident number in', () => {
  expect(
    fillScript('Your incident number is {incidentNumber}.', { incidentNumber: 'INC-000123' }),
  ).toBe('Your incident number is INC-000123.');
});
