import { describe, expect, test } from 'vitest';
import { contactFactsFor, type RoutingAnswers } from './contact-facts';
import { isQuestionOpen, recordAnswer, type RoutingAnswer } from './questions';
import { routeContact } from './route-contact';
import { type ContactChannel, type ContactFacts, routingQuestions } from './schemas';
import { demoRouting } from './test-fixtures';

// Tuesday 10:00 in Chicago.
const at = '2026-11-24T16:00:00.000Z';
const printing = {
  banner: null,
  generalHdHandles: false,
  supportCategory: 3,
  technologistGroup: null,
};
type Customer = Parameters<typeof contactFactsFor>[0]['customer'];
const plain: NonNullable<Customer> = {
  coned: false,
  program: null,
  primaryTechPartner: false,
  contractDepartment: false,
};

const factsFor = ({
  customer = plain,
  computerName = null,
  answers,
  service = printing,
  outage,
  channel = 'phone',
  peopleAffected,
}: {
  channel?: ContactChannel;
  peopleAffected?: number | null;
  customer?: Customer;
  computerName?: string | null;
  answers?: RoutingAnswers;
  service?: Parameters<typeof contactFactsFor>[0]['service'];
  outage?: boolean;
} = {}): ContactFacts =>
  contactFactsFor({
    at,
    channel,
    service,
    customer,
    computerName,
    cpsAgentsReady: 2,
    outage,
    peopleAffected,
    answers,
  });

describe('contactFactsFor', () => {
  test('time, channel, service and the CPS agents ready are carried over', () => {
    expect(factsFor()).toEqual({
      at,
      channel: 'phone',
      service: { banner: null, generalHdHandles: false, supportCategory: 3 },
      customer: {
        coned: false,
        program: null,
        primaryTechPartner: false,
        contractDepartment: false,
      },
      cpsAgentsReady: 2,
    });
  });

  test.each([
    [
      'coned, AIMS program',
      { ...plain, coned: true, program: 'aims' as const, contractDepartment: true },
      { coned: true, program: 'aims', primaryTechPartner: false, contractDepartment: true },
    ],
    [
      'coned, DS program',
      { ...plain, coned: true, program: 'ds' as const, contractDepartment: true },
      { coned: true, program: 'ds', primaryTechPartner: false, contractDepartment: true },
    ],
    [
      'Primary Tech Partner',
      { ...plain, primaryTechPartner: true },
      { coned: false, program: null, primaryTechPartner: true, contractDepartment: false },
    ],
    [
      'unflagged, department on the contract list',
      { ...plain, contractDepartment: true },
      { coned: false, program: null, primaryTechPartner: false, contractDepartment: true },
    ],
    [
      'no department on record: the department is not known',
      { ...plain, contractDepartment: null },
      { coned: false, program: null, primaryTechPartner: false },
    ],
  ])('customer flags map to facts: %s', (_name, customer, expected) => {
    expect(factsFor({ customer }).customer).toEqual(expected);
  });

  test('an unknown customer is neither coned nor a partner, and the department is not known', () => {
    const facts = factsFor({ customer: null });
    expect(facts.customer).toEqual({ coned: false, program: null, primaryTechPartner: false });
    expect(facts.customer).not.toHaveProperty('contractDepartment');
  });

  test.each([
    [
      'the department answer overrides the record',
      { ...plain, contractDepartment: false },
      { contractDepartment: true },
      { contractDepartment: true },
    ],
    [
      'a "no" answer overrides a contract department',
      { ...plain, contractDepartment: true },
      { contractDepartment: false },
      { contractDepartment: false },
    ],
    [
      'a department answer for an unknown customer',
      null,
      { contractDepartment: true },
      { contractDepartment: true },
    ],
    [
      'indicates a contract partner, only from the answer',
      null,
      { indicatesContractPartner: true },
      { indicatesContractPartner: true },
    ],
  ] as const)('%s', (_name, customer, answers, expected) => {
    expect(factsFor({ customer, answers }).customer).toMatchObject(expected);
  });

  // Issue 14 item 7: the program comes from the data, the customer's own or their department's.
  test.each([
    [
      'the customer’s own program',
      { program: 'aims' as const, departmentProgram: 'ds' as const },
      'aims',
    ],
    [
      'the department’s program when the customer has none',
      { program: null, departmentProgram: 'ds' as const },
      'ds',
    ],
    ['neither', { program: null, departmentProgram: null }, null],
  ])('program: %s', (_name, programs, expected) => {
    expect(factsFor({ customer: { ...plain, coned: true, ...programs } }).customer.program).toBe(
      expected,
    );
  });

  test('the other answers become facts as they are', () => {
    const answers = {
      workRelated: true,
      criticalWorkStoppage: false,
      suspectedEnterprise: true,
      esSupported: false,
      missionCritical: true,
      outage: true,
    };
    expect(factsFor({ answers })).toMatchObject(answers);
  });

  test('a known open outage on the service is a fact and routes to the outage procedure (issue 14.5)', () => {
    const knownOutage = { number: 'OUT-000002', title: 'Campus Network down' };
    const facts = contactFactsFor({
      at,
      channel: 'phone',
      service: printing,
      customer: plain,
      computerName: null,
      cpsAgentsReady: 2,
      knownOutage,
    });
    expect(facts.knownOutage).toEqual(knownOutage);
    expect(factsFor()).not.toHaveProperty('knownOutage');
    const decision = routeContact(facts, demoRouting);
    expect(decision.outcome).toBe('outage');
    expect(decision.steps.at(-1)).toMatchObject({ rule: 'outage', answer: 'OUT-000002' });
    expect(decision.steps.at(-1)?.text).toMatch(/Known outage OUT-000002 .*Link to problem/);
  });

  test('an outage known from the incident is a fact; none known leaves the fact absent', () => {
    expect(factsFor({ outage: true }).outage).toBe(true);
    expect(factsFor({ outage: false })).not.toHaveProperty('outage');
  });

  test.each([
    ['the incident’s computer, not asked', 'LSCI-LAB-04', undefined, 'LSCI-LAB-04'],
    ['the answered computer wins over the incident’s', 'LSCI-LAB-04', 'CAE-1234', 'CAE-1234'],
    ['answered "personal device" (null) wins over the incident’s', 'LSCI-LAB-04', null, null],
    ['answered null, nothing on the incident', null, null, null],
  ] as const)('computerName: %s', (_name, onIncident, answered, expected) => {
    const answers = answered === undefined ? {} : { computerName: answered };
    expect(factsFor({ computerName: onIncident, answers }).computerName).toBe(expected);
  });

  test('computerName: neither on the incident nor answered → not asked yet (absent)', () => {
    expect(factsFor({ computerName: null })).not.toHaveProperty('computerName');
  });

  test.each([
    [
      'a support category outside 1–3 is dropped',
      { ...printing, supportCategory: 4 },
      { banner: null, generalHdHandles: false },
    ],
    [
      'a technologist group is kept',
      { ...printing, technologistGroup: 'DRMT' },
      { banner: null, generalHdHandles: false, supportCategory: 3, technologistGroup: 'DRMT' },
    ],
    [
      'a banner and the General HD flag are kept',
      { ...printing, banner: 'pick5' as const, generalHdHandles: true },
      { banner: 'pick5', generalHdHandles: true, supportCategory: 3 },
    ],
  ])('service: %s', (_name, service, expected) => {
    expect(factsFor({ service }).service).toEqual(expected);
  });

  test('the facts route: a coned customer, work related, two agents ready → Transfer to CPS', () => {
    const facts = factsFor({
      customer: { ...plain, coned: true, contractDepartment: true },
      answers: { workRelated: true },
    });
    expect(routeContact(facts, demoRouting).outcome).toBe('transfer_to_cps');
  });
});

describe('recorded answers (issue 14.1, 14.11)', () => {
  const replies: RoutingAnswer[] = [
    { question: 'confirmDepartment', value: true },
    { question: 'workRelated', value: true },
    { question: 'computerName', value: 'CAE-4411' },
    { question: 'criticalWorkStoppage', value: false },
    { question: 'missionCritical', value: true },
  ];
  test('every question has a reply row', () => {
    expect(replies.map((r) => r.question)).toEqual([...routingQuestions]);
  });

  test.each(replies.map((r) => [r.question, r] as const))(
    'a recorded reply to %s closes the question',
    (question, reply) => {
      expect(isQuestionOpen(factsFor({ customer: null }), question)).toBe(true);
      const answers = recordAnswer({}, reply);
      expect(isQuestionOpen(factsFor({ customer: null, answers }), question)).toBe(false);
    },
  );

  test('an unflagged caller who says they are a contract partner is asked the department once', () => {
    const asked = factsFor({ customer: null, answers: { indicatesContractPartner: true } });
    expect(routeContact(asked, demoRouting)).toMatchObject({
      outcome: 'ask',
      question: 'confirmDepartment',
    });
    const answers = recordAnswer(
      { indicatesContractPartner: true },
      { question: 'confirmDepartment', value: true },
    );
    expect(answers).toEqual({ indicatesContractPartner: true, contractDepartment: true });
    const next = routeContact(factsFor({ customer: null, answers }), demoRouting);
    expect(next.question).not.toBe('confirmDepartment');
    expect(next).toMatchObject({ outcome: 'ask', question: 'workRelated' });
  });

  const tp = { ...plain, primaryTechPartner: true };
  test.each([
    ['12 people affected: mission critical, not asked', 12, {}, true],
    ['2 people affected: mission critical', 2, {}, true],
    ['1 person affected: not mission critical', 1, {}, false],
    ['the agent’s answer wins over the count', 12, { missionCritical: false }, false],
  ] as const)('peopleAffected: %s', (_name, peopleAffected, answers, expected) => {
    const facts = factsFor({ customer: tp, peopleAffected, answers });
    expect(facts.missionCritical).toBe(expected);
    expect(isQuestionOpen(facts, 'missionCritical')).toBe(false);
  });

  test.each([
    ['marked mission critical in review', 'mission_critical', 1, true],
    ['handled normally in review', 'handled_normally', 12, false],
    ['still in review: the count decides', 'review', 12, true],
  ] as const)('tpTriage: %s', (_name, tpTriage, peopleAffected, expected) => {
    const facts = contactFactsFor({
      at,
      channel: 'portal',
      service: printing,
      customer: tp,
      computerName: null,
      cpsAgentsReady: 0,
      peopleAffected,
      tpTriage,
    });
    expect(facts.missionCritical).toBe(expected);
  });

  test.each([
    ['not given', null],
    ['zero (not filled in)', 0],
  ] as const)('peopleAffected %s: the Primary TP is asked "more than one person?"', (_n, count) => {
    const facts = factsFor({ customer: tp, peopleAffected: count });
    expect(facts).not.toHaveProperty('missionCritical');
    expect(routeContact(facts, demoRouting)).toMatchObject({
      outcome: 'ask',
      question: 'missionCritical',
    });
  });
});

describe('the work question in the channel’s words (issue 14.11)', () => {
  test.each([
    ['phone', /^Are you calling in for support/],
    ['email', /^Is this e-mail about support for something related to work\?/],
    ['portal', /^Is this case about support/],
    ['auto', /^Is this case about support/],
    ['chat', /^Are you contacting us for support/],
  ] as const)('%s', (channel, wording) => {
    const decision = routeContact(
      factsFor({ channel, customer: { ...plain, coned: true } }),
      demoRouting,
    );
    expect(decision).toMatchObject({ outcome: 'ask', question: 'workRelated' });
    expect(decision.script).toMatch(wording);
    if (channel !== 'phone') expect(decision.script).not.toMatch(/calling in/);
  });
});
