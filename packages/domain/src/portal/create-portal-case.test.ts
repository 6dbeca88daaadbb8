import { describe, expect, test } from 'vitest';
import { actorFor, now } from '../incident/test-fixtures';
import { roles } from '../roles';
import { createPortalCase, type PortalCustomer } from './create-portal-case';
import { routePortalCase } from './route-portal-case';
import { portalCaseCreateSchema } from './schema';
import { demoRouting } from '../routing/test-fixtures';

const customer: PortalCustomer = {
  id: 100,
  name: 'Kai Partner',
  email: 'kpartner@education.wisc.edu',
  phone: '608-555-1011',
};
const actor = actorFor('customer', { id: 30, name: 'Kai Partner', customerId: 100 });
const input = portalCaseCreateSchema.parse({
  serviceId: 11,
  description: 'Nobody in the Education dean’s office can reach the Remote Desktop Gateway.',
  preferredContact: 'email',
  workRelated: true,
});
const service = {
  banner: null,
  generalHdHandles: false,
  supportCategory: 2,
  technologistGroup: 'DRMT',
} as const;
const tpRoute = routePortalCase(
  {
    at: now,
    channel: 'portal',
    service,
    customer: { coned: false, primaryTechPartner: true },
    workRelated: true,
    computerName: null,
  },
  demoRouting,
);
const plainRoute = routePortalCase(
  {
    at: now,
    channel: 'portal',
    service,
    customer: { coned: false },
    workRelated: true,
    computerName: null,
  },
  demoRouting,
);

describe('createPortalCase', () => {
  test('a portal case for the customer themself, in the Help Desk queue with no agent, version 1', () => {
    const { incident, audit } = createPortalCase({
      input,
      actor,
      customer,
      route: plainRoute,
      helpDeskTeamId: 1,
      now,
    });
    expect(incident).toMatchObject({
      channel: 'portal',
      customerId: 100,
      callerName: 'Kai Partner',
      callerEmail: 'kpartner@education.wisc.edu',
      callerPhone: '608-555-1011',
      preferredContact: 'email',
      ownerTeamId: 1,
      ownerAgentId: null,
      status: 'new',
      tpTriage: null,
      peopleAffected: null,
      version: 1,
      createdById: 30,
    });
    expect(audit).toEqual([
      { actorId: 30, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
    ]);
  });

  test('a Primary TP case starts in review, with the phone and head count the customer gave', () => {
    const { incident } = createPortalCase({
      input: { ...input, preferredContact: 'phone', phone: '608-555-0199', peopleAffected: 14 },
      actor,
      customer,
      route: tpRoute,
      helpDeskTeamId: 1,
      now,
    });
    expect(incident).toMatchObject({
      tpTriage: 'review',
      peopleAffected: 14,
      callerPhone: '608-555-0199',
      preferredContact: 'phone',
    });
  });

  test('the journal: internal submission and routing entries, and one customer-visible receipt', () => {
    const { journal } = createPortalCase({
      input,
      actor,
      customer,
      route: tpRoute,
      helpDeskTeamId: 1,
      now,
    });
    expect(journal.map((j) => [j.kind, j.visibility])).toEqual([
      ['system', 'internal'],
      ['routing', 'internal'],
      ['system', 'customer'],
    ]);
    expect(journal[2]?.body).toBe(
      'We received your case. The Help Desk will contact you by e-mail at kpartner@education.wisc.edu; you can add notes here at any time.',
    );
  });

  test.each(roles.filter((r) => r !== 'customer'))('%s may not file a portal case', (role) => {
    const attempt = () =>
      createPortalCase({
        input,
        actor: actorFor(role),
        customer,
        route: plainRoute,
        helpDeskTeamId: 1,
        now,
      });
    expect(attempt).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  test('a customer login filing for another customer record is refused', () => {
    const attempt = () =>
      createPortalCase({
        input,
        actor: { ...actor, customerId: 101 },
        customer,
        route: plainRoute,
        helpDeskTeamId: 1,
        now,
      });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: expect.stringContaining('not linked to this customer record'),
      }),
    );
  });
});
