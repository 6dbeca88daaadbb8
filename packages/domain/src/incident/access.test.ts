import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { type Actor } from '../roles';
import {
  assertCanReadIncident,
  canReadIncident,
  customerView,
  incidentListBound,
  isVisibleTo,
  myIncidentsFilter,
  visibleJournal,
  type PartnerScope,
} from './access';
import { type JournalEntryDraft } from './schema';
import { actorFor, incidentWith } from './test-fixtures';

const mine = actorFor('customer', { customerId: 100 });
const unlinkedCustomer = actorFor('customer', { customerId: null });

// Partner group 13 supports Badger Health, group 14 another organisation; 12 is Tier 2 Support.
const groupA = 13;
const groupB = 14;
const tier2Team = 12;
const partnerA = actorFor('partner_agent', { teamIds: [groupA] });
const partnerInBoth = actorFor('partner_agent', { teamIds: [groupB, groupA] });
const partnerInNoGroup = actorFor('partner_agent', { teamIds: [] });
// A partner agent also (wrongly) put in Tier 2 Support: membership there does not widen the scope.
const partnerAlsoInTier2 = actorFor('partner_agent', { teamIds: [groupA, tier2Team] });

const notPartner: PartnerScope = { partnerTeamId: null };
const ofA: PartnerScope = { partnerTeamId: groupA };
const ofB: PartnerScope = { partnerTeamId: groupB };

describe('canReadIncident', () => {
  test.each<[string, Actor, number | null, PartnerScope, boolean]>([
    ['staff, any customer', actorFor('l1'), 999, notPartner, true],
    ['a technologist, no customer', actorFor('technologist'), null, notPartner, true],
    ['staff, a channel-partner ticket', actorFor('hdqa'), 100, ofA, true],
    [
      'Tier 2, a channel-partner ticket of any group',
      actorFor('tier2', { teamIds: [tier2Team] }),
      100,
      ofB,
      true,
    ],
    ['an admin, a channel-partner ticket', actorFor('admin'), 100, ofB, true],
    ['the customer, their own', mine, 100, notPartner, true],
    ['the customer, their own channel-partner ticket', mine, 100, ofA, true],
    ['the customer, someone else’s', mine, 101, notPartner, false],
    ['the customer, someone else’s channel-partner ticket', mine, 101, ofA, false],
    ['the customer, an incident with no customer', mine, null, notPartner, false],
    [
      'a customer login with no customer record, an incident with no customer',
      unlinkedCustomer,
      null,
      notPartner,
      false,
    ],
    ['a partner agent, a ticket of their group', partnerA, 100, ofA, true],
    ['a partner agent, a ticket of their group, whoever the requester', partnerA, null, ofA, true],
    ['a partner agent, a ticket of another group', partnerA, 100, ofB, false],
    ['a partner agent, an ordinary university incident', partnerA, 100, notPartner, false],
    ['a partner agent, an incident with no customer', partnerA, null, notPartner, false],
    ['a partner agent of two groups, a ticket of the second', partnerInBoth, 100, ofA, true],
    ['a partner agent of no group, any ticket', partnerInNoGroup, 100, ofA, false],
    ['a partner agent also in Tier 2, another group’s ticket', partnerAlsoInTier2, 100, ofB, false],
  ])('%s → %s', (_name, actor, customerId, scope, expected) => {
    expect(canReadIncident(actor, { customerId }, scope)).toBe(expected);
  });

  test('a partner agent keeps reading their ticket while Tier 2 Support holds it (the scope is the ticket’s group, not the owner team)', () => {
    const escalated = incidentWith({
      ownerTeamId: tier2Team,
      ownerAgentId: null,
      status: 'assigned',
    });
    expect(canReadIncident(partnerA, escalated, ofA)).toBe(true);
  });

  test.each<[string, Actor, number | null, PartnerScope]>([
    ["a customer asking for someone else's incident", mine, 101, notPartner],
    ['a partner agent asking for an ordinary university incident', partnerA, 100, notPartner],
    ["a partner agent asking for another group's ticket", partnerA, 100, ofB],
  ])('%s is told it does not exist', (_name, actor, customerId, scope) => {
    const attempt = () => assertCanReadIncident(actor, { customerId, number: 'INC-000042' }, scope);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: 'No incident INC-000042 that you can see.',
      }),
    );
  });

  test.each<[string, Actor, PartnerScope]>([
    ['staff', actorFor('l1'), notPartner],
    ['a partner agent, their group’s ticket', partnerA, ofA],
  ])('%s passes', (_name, actor, scope) => {
    expect(() =>
      assertCanReadIncident(actor, { customerId: 100, number: 'INC-000042' }, scope),
    ).not.toThrow();
  });
});

describe('incidentListBound', () => {
  test.each<[string, Actor, ReturnType<typeof incidentListBound>]>([
    [
      'a partner agent lists only their groups’ tickets',
      partnerInBoth,
      { partnerTeamIds: [groupB, groupA] },
    ],
    ['a partner agent of no group lists nothing', partnerInNoGroup, { partnerTeamIds: [] }],
    ['staff are not bound', actorFor('l1'), {}],
    ['Tier 2 is not bound', actorFor('tier2', { teamIds: [tier2Team] }), {}],
    ['admins are not bound', actorFor('admin'), {}],
  ])('%s', (_name, actor, bound) => {
    expect(incidentListBound(actor)).toEqual(bound);
  });
});

describe('myIncidentsFilter', () => {
  test('staff: what they hold', () => {
    expect(myIncidentsFilter(actorFor('cps', { id: 7 }))).toEqual({ ownerAgentId: 7 });
  });
  test('a partner agent: also the tickets whose requester they keep while Tier 2 works them', () => {
    expect(myIncidentsFilter(actorFor('partner_agent', { id: 30 }))).toEqual({ heldOrKeptBy: 30 });
  });
});

describe('isVisibleTo (one attachment being downloaded)', () => {
  test.each<[string, Actor, 'internal' | 'customer', boolean]>([
    ['a customer, a customer-visible file', mine, 'customer', true],
    ["a customer, a private reply's file", mine, 'internal', false],
    ["staff, a private reply's file", actorFor('partner_agent'), 'internal', true],
  ])('%s → %s', (_name, actor, visibility, visible) => {
    expect(isVisibleTo(actor, { visibility })).toBe(visible);
  });
});

describe('visibleJournal', () => {
  const entries: Pick<JournalEntryDraft, 'visibility' | 'body'>[] = [
    { visibility: 'internal', body: 'Incident created by Lee.' },
    { visibility: 'customer', body: 'We reset your password.' },
    { visibility: 'internal', body: 'Verified identity.' },
  ];

  test('hides internal entries from customers', () => {
    expect(visibleJournal(mine, entries).map((e) => e.body)).toEqual(['We reset your password.']);
  });

  test.each(['l1', 'technologist', 'admin'] as const)('shows everything to %s', (role) => {
    expect(visibleJournal(actorFor(role), entries)).toEqual(entries);
  });
});

describe('customerView', () => {
  test('leaves out owner agent, classification and creator', () => {
    const view = customerView(incidentWith({ classification: 'Transfer to CPS', ownerAgentId: 7 }));
    expect(view).toMatchObject({
      number: 'INC-000001',
      status: 'new',
      description: 'Forgot NetID password.',
    });
    for (const hidden of [
      'ownerAgentId',
      'ownerTeamId',
      'classification',
      'createdById',
      'customerId',
    ])
      expect(view).not.toHaveProperty(hidden);
  });
});
