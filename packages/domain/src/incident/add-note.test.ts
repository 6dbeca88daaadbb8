import { describe, expect, test } from 'vitest';
import { type Role } from '../roles';
import { addNote } from './add-note';
import { type IncidentStatus, type Visibility } from './schema';
import { actorFor, incidentWith, now } from './test-fixtures';

const customer = actorFor('customer', { id: 20, customerId: 100 });
const otherCustomer = actorFor('customer', { id: 21, customerId: 101 });
const notPartner = { partnerTeamId: null };

describe('addNote', () => {
  test.each([
    ['an agent, internal', actorFor('l1', { id: 7 }), 'internal'],
    ['an agent, customer-visible', actorFor('l1', { id: 7 }), 'customer'],
    ['a technologist, internal', actorFor('technologist', { id: 8 }), 'internal'],
    ['the customer on their own incident, customer-visible', customer, 'customer'],
  ] as const)('%s → one journal note', (_name, actor, visibility) => {
    const { journal } = addNote({
      incident: incidentWith(),
      body: 'Called back.',
      visibility,
      actor,
      partnerScope: notPartner,
      now,
    });
    expect(journal).toEqual([
      {
        kind: 'note',
        visibility,
        body: 'Called back.',
        authorId: actor.id,
        data: null,
        createdAt: now,
      },
    ]);
  });

  test.each<
    [
      string,
      { role?: Role; actor?: typeof customer; visibility: Visibility; status?: IncidentStatus },
      string,
    ]
  >([
    [
      'a customer adding an internal note',
      { actor: customer, visibility: 'internal' },
      'FORBIDDEN',
    ],
    [
      "a customer noting someone else's incident",
      { actor: otherCustomer, visibility: 'customer' },
      'NOT_FOUND',
    ],
    [
      'a note on a closed incident',
      { role: 'l1', visibility: 'internal', status: 'closed' },
      'INVALID_TRANSITION',
    ],
    [
      'a customer note on a closed incident',
      { actor: customer, visibility: 'customer', status: 'closed' },
      'INVALID_TRANSITION',
    ],
  ])('%s → %s', (_name, { role, actor, visibility, status }, code) => {
    const attempt = () =>
      addNote({
        incident: incidentWith({ status: status ?? 'in_progress' }),
        body: 'x',
        visibility,
        actor: actor ?? actorFor(role!),
        partnerScope: notPartner,
        now,
      });
    expect(attempt).toThrow(expect.objectContaining({ code }));
  });

  test('a resolved incident still takes notes (only closed is final)', () => {
    expect(() =>
      addNote({
        incident: incidentWith({ status: 'resolved' }),
        body: 'x',
        visibility: 'internal',
        actor: actorFor('l1'),
        partnerScope: notPartner,
        now,
      }),
    ).not.toThrow();
  });

  // kb 003: a partner agent notes only their own group's channel-partner tickets (group 13 here).
  const partnerAgent = actorFor('partner_agent', { id: 30, teamIds: [13] });
  test.each([
    ['an ordinary university incident', notPartner, 'NOT_FOUND'],
    ["another group's ticket", { partnerTeamId: 14 }, 'NOT_FOUND'],
    ["their group's ticket", { partnerTeamId: 13 }, null],
  ] as const)('a partner agent noting %s → %s', (_name, partnerScope, code) => {
    const attempt = () =>
      addNote({
        incident: incidentWith(),
        body: 'x',
        visibility: 'internal',
        actor: partnerAgent,
        partnerScope,
        now,
      });
    if (code) expect(attempt).toThrow(expect.objectContaining({ code }));
    else
      expect(attempt()).toEqual({
        journal: [expect.objectContaining({ authorId: 30, visibility: 'internal' })],
      });
  });
});
