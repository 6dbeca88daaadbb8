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

describe('createIncident linked to an open problem (kb 001 step 9)', () => {
  const problem = {
    id: 40,
    number: 'PRB-000040',
    title: 'Password portal down',
    status: 'open' as const,
    serviceId: 6,
    outage: { number: 'OUT-000007', title: 'NetID outage', status: 'active' as const },
  };

  test('L1 links the new incident: problemId set, journaled and audited at version 1', () => {
    const { incident, journal, audit } = createIncident({
      input,
      actor: actorFor('l1'),
      now,
      ownerTeamId: 1,
      problem,
    });
    expect(incident.problemId).toBe(40);
    expect(journal.at(-1)).toMatchObject({
      kind: 'system',
      visibility: 'internal',
      data: { problemId: 40 },
    });
    expect(journal.at(-1)?.body).toMatch(
      /^Linked to problem PRB-000040: Password portal down\. Outage OUT-000007 \(NetID outage\) is active: the outage procedure applies/,
    );
    expect(audit).toContainEqual({
      actorId: 10,
      field: 'problemId',
      fromValue: null,
      toValue: '40',
      version: 1,
      at: now,
    });
  });

  test.each([
    [
      'a problem of another service (L1)',
      'l1',
      { serviceId: 9 },
      'VALIDATION',
      'PRB-000040 is about another service; choose one of the open problems of this service.',
    ],
    [
      'a resolved problem',
      'hdqa',
      { status: 'resolved' as const },
      'VALIDATION',
      'PRB-000040 is resolved; link incidents to an open problem.',
    ],
    ['a CPS agent', 'cps', {}, 'FORBIDDEN', 'Your role (cps) may not link incidents to a problem.'],
  ] as const)('%s → %s', (_name, role, change, code, message) => {
    let caught: unknown;
    try {
      createIncident({
        input,
        actor: actorFor(role),
        now,
        ownerTeamId: 1,
        problem: { ...problem, ...change },
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code, message });
  });

  test('HDQA may link across services', () => {
    expect(
      createIncident({
        input,
        actor: actorFor('hdqa'),
        now,
        ownerTeamId: 2,
        problem: { ...problem, serviceId: 9 },
      }).incident.problemId,
    ).toBe(40);
  });
});
