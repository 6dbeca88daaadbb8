import { describe, expect, test } from 'vitest';
import { type IncidentCreateInput } from '../incident/schema';
import { actorFor, now } from '../incident/test-fixtures';
import { openIncident } from './open-incident';

const input: IncidentCreateInput = {
  callerName: 'Casey Customer',
  callerPhone: '608-555-0100',
  callerEmail: undefined,
  customerId: 100,
  serviceId: 6,
  description: 'Forgot NetID password.',
  channel: 'phone',
};

/** openIncident's effects, read back as the incident row, its journal and audit drafts. */
async function open(
  args: Omit<Parameters<typeof openIncident>[0], 'input' | 'now' | 'number' | 'acknowledgement'>,
) {
  const e = await openIncident({
    ...args,
    input,
    now,
    number: 'INC-000123',
    acknowledgement: () => [],
  });
  const [write] = e.writes;
  if (write?.op !== 'insert' || write.entity !== 'incident')
    throw new Error('expected an incident insert');
  return {
    effects: e,
    incident: write.values,
    journal: e.journal.map((j) => j.entry),
    audit: e.audit.map((a) => a.entry),
  };
}

describe('openIncident', () => {
  test('inserts the incident under its reserved number and announces it once, with its acknowledgement', async () => {
    const mail = {
      incidentId: null,
      template: 'acknowledgement',
      toAddress: 'casey@example.edu',
      toName: 'Casey',
      subject: 'Received',
      textBody: 'We have it.',
    };
    const e = await openIncident({
      input,
      actor: actorFor('l1', { id: 7 }),
      now,
      ownerTeamId: 4,
      number: 'INC-000123',
      acknowledgement: (incident) => [{ ...mail, subject: `Received ${incident.number}` }],
    });
    expect(e.writes).toMatchObject([
      {
        op: 'insert',
        entity: 'incident',
        ref: 'incident',
        values: { number: 'INC-000123', ownerTeamId: 4 },
      },
    ]);
    expect(e.outbox).toEqual([
      { ...mail, subject: 'Received INC-000123', incidentId: { ref: 'incident' } },
    ]);
    expect(e.events).toEqual([
      {
        entity: 'incident',
        entityId: { ref: 'incident' },
        kind: 'created',
        actorId: 7,
        teamIds: [4],
        userIds: [7],
      },
    ]);
    expect(e.journal.map((j) => j.id)).toEqual([{ ref: 'incident' }]);
  });
});

describe('openIncident linked to an open problem (kb 001 step 9)', () => {
  const problem = {
    id: 40,
    number: 'PRB-000040',
    title: 'Password portal down',
    status: 'open' as const,
    serviceId: 6,
    outage: { number: 'OUT-000007', title: 'NetID outage', status: 'active' as const },
  };

  test('L1 links the new incident: problemId set, journaled and audited at version 1', async () => {
    const { incident, journal, audit } = await open({
      actor: actorFor('l1'),
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
  ] as const)('%s → %s', async (_name, role, change, code, message) => {
    let caught: unknown;
    try {
      await open({ actor: actorFor(role), ownerTeamId: 1, problem: { ...problem, ...change } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code, message });
  });

  test('HDQA may link across services', async () => {
    expect(
      (
        await open({
          actor: actorFor('hdqa'),
          ownerTeamId: 2,
          problem: { ...problem, serviceId: 9 },
        })
      ).incident.problemId,
    ).toBe(40);
  });
});
