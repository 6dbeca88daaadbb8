import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { editIncident } from './edit-incident';
import { actorFor, incidentWith, now } from './test-fixtures';

const agent = actorFor('l1', { id: 7 });
const notPartner = { partnerTeamId: null };

describe('editIncident', () => {
  test('a stale version is refused with CONFLICT telling the user to reload', () => {
    const incident = incidentWith({ version: 4 });
    const attempt = () =>
      editIncident({
        incident,
        patch: { description: 'New text' },
        expectedVersion: 3,
        actor: agent,
        partnerScope: notPartner,
        now,
      });
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: expect.stringMatching(/version 3, it is now 4.*Reload/),
      }),
    );
  });

  test('changing two fields gives two audit rows and moves the version by one', () => {
    const incident = incidentWith({ version: 3 });
    const { changes, audit } = editIncident({
      incident,
      patch: {
        description: 'Cannot sign in to Canvas.',
        computerName: 'GRAD-LT-042',
        callerName: incident.callerName,
      },
      expectedVersion: 3,
      actor: agent,
      partnerScope: notPartner,
      now,
    });
    expect(changes).toEqual({
      description: 'Cannot sign in to Canvas.',
      computerName: 'GRAD-LT-042',
      version: 4,
      updatedAt: now,
    });
    expect(audit).toEqual([
      {
        actorId: 7,
        field: 'description',
        fromValue: 'Forgot NetID password.',
        toValue: 'Cannot sign in to Canvas.',
        version: 4,
        at: now,
      },
      {
        actorId: 7,
        field: 'computerName',
        fromValue: null,
        toValue: 'GRAD-LT-042',
        version: 4,
        at: now,
      },
    ]);
  });

  test.each([
    ['an empty patch', {}],
    ['the same values', { callerName: 'Casey Customer', serviceId: 5, computerName: undefined }],
    ['a cleared field that was already empty', { expectation: undefined }],
  ])('%s changes nothing and keeps the version', (_name, patch) => {
    expect(
      editIncident({
        incident: incidentWith(),
        patch,
        expectedVersion: 3,
        actor: agent,
        partnerScope: notPartner,
        now,
      }),
    ).toEqual({ changes: {}, audit: [] });
  });

  test('clearing a field writes null and audits it', () => {
    const { changes, audit } = editIncident({
      incident: incidentWith(),
      patch: { callerPhone: undefined },
      expectedVersion: 3,
      actor: agent,
      partnerScope: notPartner,
      now,
    });
    expect(changes).toMatchObject({ callerPhone: null, version: 4 });
    expect(audit).toEqual([
      expect.objectContaining({ field: 'callerPhone', fromValue: '608-555-0100', toValue: null }),
    ]);
  });

  test('clearing both phone and e-mail is refused at the phone field', () => {
    const attempt = () =>
      editIncident({
        incident: incidentWith(),
        patch: { callerPhone: undefined, callerEmail: undefined },
        expectedVersion: 3,
        actor: agent,
        partnerScope: notPartner,
        now,
      });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        fields: { callerPhone: expect.stringMatching(/phone number or an e-mail/) },
      }),
    );
  });

  test.each([
    ['customer', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
  ] as const)('%s may not edit: %s', (role, code) => {
    const attempt = () =>
      editIncident({
        incident: incidentWith(),
        patch: { description: 'x' },
        expectedVersion: 3,
        actor: actorFor(role),
        partnerScope: notPartner,
        now,
      });
    expect(attempt).toThrow(expect.objectContaining({ code }));
  });

  // kb 003: a partner agent edits only their own group's channel-partner tickets (group 13 here).
  const partnerAgent = actorFor('partner_agent', { id: 30, teamIds: [13] });
  test.each([
    ['an ordinary university incident', notPartner],
    ["another group's ticket", { partnerTeamId: 14 }],
  ])('a partner agent editing %s is told it does not exist', (_name, partnerScope) => {
    const attempt = () =>
      editIncident({
        incident: incidentWith(),
        patch: { description: 'x' },
        expectedVersion: 3,
        actor: partnerAgent,
        partnerScope,
        now,
      });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: 'No incident INC-000001 that you can see.',
      }),
    );
  });

  test("a partner agent may not re-point their group's ticket at another customer", () => {
    const attempt = () =>
      editIncident({
        incident: incidentWith(),
        patch: { customerId: 101 },
        expectedVersion: 3,
        actor: partnerAgent,
        partnerScope: { partnerTeamId: 13 },
        now,
      });
    expect(attempt).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        fields: { customerId: expect.stringMatching(/cannot be changed/) },
      }),
    );
    // Sending the same customer back (a full form) is no change, so it passes.
    expect(
      editIncident({
        incident: incidentWith(),
        patch: { customerId: 100 },
        expectedVersion: 3,
        actor: partnerAgent,
        partnerScope: { partnerTeamId: 13 },
        now,
      }),
    ).toEqual({ changes: {}, audit: [] });
  });

  test("a partner agent edits their group's ticket", () => {
    const { audit } = editIncident({
      incident: incidentWith(),
      patch: { description: 'x' },
      expectedVersion: 3,
      actor: partnerAgent,
      partnerScope: { partnerTeamId: 13 },
      now,
    });
    expect(audit).toEqual([expect.objectContaining({ field: 'description', toValue: 'x' })]);
  });
});
