import { describe, expect, test } from 'vitest';
import { actorFor } from '../incident/test-fixtures';
import {
  organisationOfRequester,
  submitPartnerTicket,
  type SubmitPartnerTicketArgs,
} from './submit-ticket';
import { domainErrorOf, now, parker, piper, requester, requesterActor } from './test-fixtures';

const organisations = [{ id: 1, name: 'Badger Health', domains: ['badgerhealth.example'] }];
const args: SubmitPartnerTicketArgs = {
  input: {
    description: 'Patient portal login loops back to the sign-in page.\nSince this morning.',
  },
  channel: 'portal',
  actor: requesterActor(),
  requester: { customerId: 100, ...requester },
  organisation: {
    id: 1,
    name: 'Badger Health',
    partnerTeamId: 13,
    partnerTeamName: 'Badger Health Client Support',
  },
  partnerMembers: [parker, piper],
  serviceId: 15,
  now,
};

describe('submitPartnerTicket (kb 003 rules 2–3)', () => {
  test('goes to the partner group with no assignee; every member is told in the app and by e-mail', () => {
    const result = submitPartnerTicket(args);
    expect(result.incident).toMatchObject({
      ownerTeamId: 13,
      ownerAgentId: null,
      status: 'new',
      channel: 'portal',
      customerId: 100,
      callerEmail: requester.email,
      createdById: 50,
      version: 1,
    });
    expect(result.ticket).toEqual({ organisationId: 1, partnerTeamId: 13 });
    expect(result.hop).toEqual({
      kind: 'submitted',
      actorId: 50,
      fromTeamId: null,
      toTeamId: 13,
      toAgentId: null,
      at: now,
      waitedSeconds: 0,
    });
    const told = result.told({ id: 9, number: 'INC-000009' });
    const subject =
      'Your input is needed on [INC-000009]: new ticket from Rita Requester (Badger Health)';
    expect(told.notifications.map((n) => [n.audience, n.targetId, n.subject])).toEqual([
      ['user', parker.id, subject],
      ['user', piper.id, subject],
    ]);
    expect(told.outbox.map((m) => [m.incidentId, m.toAddress, m.template])).toEqual([
      [9, parker.email, 'partner-new-ticket'],
      [9, piper.email, 'partner-new-ticket'],
    ]);
    expect(told.outbox[0]?.textBody).toContain(
      'The first member of Badger Health Client Support to claim it becomes its assignee: /incidents/INC-000009',
    );
  });

  test('by e-mail there is no signed-in actor', () => {
    const result = submitPartnerTicket({ ...args, actor: null, channel: 'email' });
    expect(result.incident).toMatchObject({ channel: 'email', createdById: null });
    expect(result.hop.actorId).toBeNull();
  });

  test('staff cannot submit as a requester', () => {
    expect(
      domainErrorOf(() => submitPartnerTicket({ ...args, actor: actorFor('partner_agent') })).code,
    ).toBe('FORBIDDEN');
  });
});

describe('organisationOfRequester', () => {
  test.each([
    [
      'already placed',
      { organisationId: 1, email: 'anyone@gmail.com' },
      { organisationId: 1, placedNow: false },
    ],
    [
      'not yet placed, employer domain',
      { organisationId: null, email: 'rita@badgerhealth.example' },
      { organisationId: 1, placedNow: true },
    ],
  ])('%s', (_name, customer, expected) => {
    expect(organisationOfRequester({ customer, organisations })).toMatchObject(expected);
  });

  test.each([
    ['free-mail', 'rita@gmail.com', 'gmail.com is a free-mail domain'],
    [
      'unknown domain',
      'rita@acme.example',
      'No supported organisation uses the e-mail domain acme.example',
    ],
  ])('not placed, %s → refused with the reason', (_name, email, reason) => {
    expect(
      domainErrorOf(() =>
        organisationOfRequester({ customer: { organisationId: null, email }, organisations }),
      ).message,
    ).toContain(reason);
  });
});
