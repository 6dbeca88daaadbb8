import { describe, expect, test } from 'vitest';
import { roles } from '../roles';
import { createIncident } from './create-incident';
import { type IncidentCreateInput } from './schema';
import { actorFor, now } from './test-fixtures';

const input: IncidentCreateInput = {
  callerName: 'Casey Customer',
  callerPhone: '608-555-0100',
  callerEmail: undefined,
  customerId: 100,
  serviceId: 6,
  description: 'Forgot NetID password.',
  channel: 'phone',
};

describe('createIncident', () => {
  test('a new incident is owned by the taker and their team, status new, version 1', () => {
    const actor = actorFor('l1', { id: 7, name: 'Lee Level-One' });
    const { incident, journal, audit } = createIncident({ input, actor, now, ownerTeamId: 4 });
    expect(incident).toMatchObject({
      status: 'new',
      version: 1,
      ownerTeamId: 4,
      ownerAgentId: 7,
      createdById: 7,
      createdAt: now,
      updatedAt: now,
      callerEmail: null,
      computerName: null,
      classification: null,
      promises: {},
    });
    expect(journal).toEqual([
      {
        kind: 'system',
        visibility: 'internal',
        body: 'Incident created by Lee Level-One (phone).',
        authorId: 7,
        data: null,
        createdAt: now,
      },
    ]);
    expect(audit).toEqual([
      { actorId: 7, field: 'status', fromValue: null, toValue: 'new', version: 1, at: now },
    ]);
  });

  test('a first note becomes an internal journal note after the system entry', () => {
    const { journal } = createIncident({
      input: { ...input, firstNote: 'Verified identity.' },
      actor: actorFor('cps'),
      now,
      ownerTeamId: 3,
    });
    expect(journal.map((e) => [e.kind, e.visibility, e.body])).toEqual([
      ['system', 'internal', expect.stringContaining('Incident created by')],
      ['note', 'internal', 'Verified identity.'],
    ]);
  });

  const takers = ['l1', 'hdqa', 'cps', 'es', 'sncc'];
  test.each(roles.map((role) => [role, takers.includes(role)] as const))(
    '%s may create: %s',
    (role, allowed) => {
      const attempt = () => createIncident({ input, actor: actorFor(role), now, ownerTeamId: 1 });
      if (allowed) expect(attempt).not.toThrow();
      else expect(attempt).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    },
  );
});
