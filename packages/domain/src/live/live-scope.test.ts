import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import { type Role } from '../roles';
import {
  liveEventView,
  mayReceive,
  needsIncidentFacts,
  type LiveIncidentFacts,
} from './live-scope';

// Customer 100's case, on partner group 7's channel-partner ticket.
const ownCase: LiveIncidentFacts = { customerId: 100, partnerScope: { partnerTeamId: null } };
const otherCase: LiveIncidentFacts = { customerId: 200, partnerScope: { partnerTeamId: null } };
const partnerTicket: LiveIncidentFacts = { customerId: 300, partnerScope: { partnerTeamId: 7 } };

const partner = actorFor('partner_agent', { teamIds: [7] });
const otherPartner = actorFor('partner_agent', { teamIds: [8] });
const staff = (role: Role) => actorFor(role);

describe('mayReceive', () => {
  test.each([
    // who, entity, kind, incident facts, receives
    ['l1 any incident', staff('l1'), 'incident', 'note_added.internal', null, true],
    ['tier2 any incident', staff('tier2'), 'incident', 'onestep.resolve', null, true],
    ['technologist a consult', staff('technologist'), 'consult', 'opened', null, true],
    ['admin a team change', staff('admin'), 'team', 'member_added', null, true],
    ['partner own group ticket', partner, 'incident', 'partner.claim', partnerTicket, true],
    ['partner own group viewers', partner, 'incidentViewer', 'opened', partnerTicket, true],
    ['partner another group', otherPartner, 'incident', 'partner.claim', partnerTicket, false],
    ['partner a university incident', partner, 'incident', 'created', ownCase, false],
    ['partner a consult', partner, 'consult', 'opened', null, false],
    ['partner presence', partner, 'user', 'presence', null, false],
    ['partner an outage', partner, 'outage', 'declared', null, true],
    [
      'customer own case, customer note',
      staff('customer'),
      'incident',
      'note_added',
      ownCase,
      true,
    ],
    ['customer own case, resolve', staff('customer'), 'incident', 'onestep.resolve', ownCase, true],
    [
      'customer own case, internal note',
      staff('customer'),
      'incident',
      'note_added.internal',
      ownCase,
      false,
    ],
    [
      "customer own case, a staff member's e-mail reply (internal)",
      staff('customer'),
      'incident',
      'email_staff_note',
      ownCase,
      false,
    ],
    [
      'customer own case, private comment',
      staff('customer'),
      'incident',
      'partner.comment.private',
      ownCase,
      false,
    ],
    ['customer own case, consult', staff('customer'), 'incident', 'consult_opened', ownCase, false],
    [
      'customer own case, who has it open',
      staff('customer'),
      'incidentViewer',
      'opened',
      ownCase,
      false,
    ],
    ["customer another's case", staff('customer'), 'incident', 'note_added', otherCase, false],
    ['customer an incident gone', staff('customer'), 'incident', 'note_added', null, false],
    ['customer presence', staff('customer'), 'user', 'presence', null, false],
    ['customer an outage', staff('customer'), 'outage', 'started', null, true],
    ['visitor an outage', null, 'outage', 'declared', null, true],
    ['visitor an incident', null, 'incident', 'created', ownCase, false],
    ['visitor a problem', null, 'problem', 'created', null, false],
  ] as const)('%s → %s', (_, actor, entity, kind, facts, receives) =>
    expect(mayReceive(actor, { entity, kind }, facts)).toBe(receives),
  );
});

describe('one’s own notifications (marked read in another tab)', () => {
  const reader = actorFor('l1', { id: 41 });
  test.each([
    ['the reader', reader, true],
    ['another member of staff', actorFor('hdqa', { id: 42 }), false],
    ['a partner agent reader', actorFor('partner_agent', { id: 41, teamIds: [7] }), true],
    ['a visitor', null, false],
  ] as const)('%s → %s', (_, actor, receives) =>
    expect(mayReceive(actor, { entity: 'notification', kind: 'read', userIds: [41] }, null)).toBe(
      receives,
    ),
  );
});

test.each([
  [staff('l1'), 'incident', false],
  [partner, 'incident', true],
  [staff('customer'), 'incidentViewer', true],
  [staff('customer'), 'outage', false],
  [null, 'incident', false],
] as const)('incident facts needed for %j on %s: %s', (actor, entity, needed) =>
  expect(needsIncidentFacts(actor, { entity })).toBe(needed),
);

test('customers and visitors are told only that something changed; staff who and for whom', () => {
  const e = {
    id: 5,
    entity: 'incident',
    entityId: 9,
    kind: 'note_added',
    teamIds: [1],
    userIds: [10],
    actorId: 3,
    at: '2026-11-24T16:00:00.000Z',
  };
  const bare = { id: 5, entity: 'incident', entityId: 9, kind: 'note_added', at: e.at };
  expect(liveEventView(staff('customer'), e)).toEqual(bare);
  expect(liveEventView(null, e)).toEqual(bare);
  expect(liveEventView(staff('cps'), e)).toEqual(e);
});
