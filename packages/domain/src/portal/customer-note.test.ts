import { describe, expect, test } from 'vitest';
import { type Incident } from '../incident/schema';
import { actorFor, incidentWith, now } from '../incident/test-fixtures';
import { addCustomerNote } from './customer-note';

const customer = actorFor('customer', { id: 20, name: 'Kai Partner', customerId: 100 });
const note = (
  incident: Partial<Incident> = {},
  extra: { peopleAffected?: number; body?: string } = {},
) =>
  addCustomerNote({
    incident: incidentWith({ channel: 'portal', ownerAgentId: null, ...incident }),
    actor: customer,
    body: extra.body ?? 'The whole office is still locked out.\nSecond line.',
    peopleAffected: extra.peopleAffected,
    ownerTeamName: 'US - Help Desk',
    partnerScope: { partnerTeamId: null },
    now,
  });

describe('addCustomerNote (kb 000 "Customer Added Notes")', () => {
  test('a note re-notifies the owning team and changes nothing else', () => {
    const result = note({ status: 'assigned' });
    expect(result.changes).toEqual({});
    expect(result.audit).toEqual([]);
    expect(result.answered).toBe(false);
    expect(result.journal).toEqual([
      {
        kind: 'note',
        visibility: 'customer',
        body: 'The whole office is still locked out.\nSecond line.',
        authorId: 20,
        data: null,
        createdAt: now,
      },
    ]);
    expect(result.notifications).toEqual([
      {
        audience: 'team',
        targetId: 1,
        template: 'customer-note',
        subject: 'INC-000001: Kai Partner added a note',
        body: 'The whole office is still locked out.',
      },
    ]);
  });

  test('the agent who owns it is told too', () => {
    expect(note({ ownerAgentId: 7 }).notifications.map((n) => [n.audience, n.targetId])).toEqual([
      ['team', 1],
      ['user', 7],
    ]);
  });

  test.each<[string, Partial<Incident>, Partial<Incident>]>([
    [
      'a Primary TP case goes back into review',
      { status: 'pending_customer', tpTriage: 'info_requested' },
      { status: 'assigned', tpTriage: 'review' },
    ],
    [
      'an owned case goes back in progress',
      { status: 'pending_customer', ownerAgentId: 7 },
      { status: 'in_progress' },
    ],
  ])('an answer to a request for information: %s', (_name, before, after) => {
    const result = note(before, { peopleAffected: 14 });
    expect(result.answered).toBe(true);
    expect(result.changes).toEqual({ ...after, peopleAffected: 14, version: 4, updatedAt: now });
    expect(result.audit.map((a) => a.field).sort()).toEqual(
      Object.keys({ ...after, peopleAffected: 14 }).sort(),
    );
    expect(result.journal[1]).toMatchObject({
      kind: 'system',
      visibility: 'internal',
      body: expect.stringMatching(/^The customer answered the request for more information/),
    });
    expect(result.notifications[0]?.subject).toBe(
      'INC-000001: Kai Partner added a note (answer to your question)',
    );
  });

  test('the same head count again changes nothing', () => {
    expect(note({ peopleAffected: 14 }, { peopleAffected: 14 }).changes).toEqual({});
  });

  test.each<[string, () => unknown, string]>([
    [
      'an agent',
      () =>
        addCustomerNote({
          incident: incidentWith(),
          actor: actorFor('l1'),
          body: 'x',
          ownerTeamName: 'x',
          partnerScope: { partnerTeamId: null },
          now,
        }),
      'FORBIDDEN',
    ],
    ["another customer's case", () => note({ customerId: 101 }), 'NOT_FOUND'],
    ['a closed case', () => note({ status: 'closed' }), 'INVALID_TRANSITION'],
  ])('%s → %s', (_name, attempt, code) => {
    expect(attempt).toThrow(expect.objectContaining({ code }));
  });
});
