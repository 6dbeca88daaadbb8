import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { type Actor } from '../roles';
import { assertCanReadIncident, canReadIncident, customerView, isVisibleTo, visibleJournal } from './access';
import { type JournalEntryDraft } from './schema';
import { actorFor, incidentWith } from './test-fixtures';

const mine = actorFor('customer', { customerId: 100 });
const unlinkedCustomer = actorFor('customer', { customerId: null });

describe('canReadIncident', () => {
  test.each<[string, Actor, number | null, boolean]>([
    ['staff, any customer', actorFor('l1'), 999, true],
    ['a technologist, no customer', actorFor('technologist'), null, true],
    ['the customer, their own', mine, 100, true],
    ['the customer, someone else’s', mine, 101, false],
    ['the customer, an incident with no customer', mine, null, false],
    ['a customer login with no customer record, an incident with no customer', unlinkedCustomer, null, false],
  ])('%s → %s', (_name, actor, customerId, expected) => {
    expect(canReadIncident(actor, { customerId })).toBe(expected);
  });

  test("a customer asking for someone else's incident is told it does not exist", () => {
    const attempt = () => assertCanReadIncident(mine, { customerId: 101, number: 'INC-000042' });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: 'No incident INC-000042 that you can see.' }));
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
    expect(view).toMatchObject({ number: 'INC-000001', status: 'new', description: 'Forgot NetID password.' });
    for (const hidden of ['ownerAgentId', 'ownerTeamId', 'classification', 'createdById', 'customerId']) expect(view).not.toHaveProperty(hidden);
  });
});
