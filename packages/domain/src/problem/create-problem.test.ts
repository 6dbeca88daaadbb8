import { describe, expect, test } from 'vitest';
import {
  createProblem,
  draftProblemFrom,
  impactText,
  linkIncidentsToProblem,
  numberList,
} from './create-problem';
import { actorFor, errorOf, incidentN, now, problemWith, services, teams } from './test-fixtures';

describe('draftProblemFrom: Identify & Classify from the incidents (kb 001 step 5)', () => {
  test('service, category, impact, symptoms and first seen come from the incidents', () => {
    const incidents = [
      incidentN(3, { description: 'Wall port dead in room 112.\nTried another cable.' }),
      incidentN(1),
      incidentN(2, { customerId: 101, callerEmail: 'other@wisc.edu' }), // the same customer as incident 1
      incidentN(4, { serviceId: 10, description: 'no wired connection in bascom hall.' }),
    ];
    expect(draftProblemFrom(incidents, services)).toEqual({
      title: 'Campus Network: No wired connection in Bascom Hall.',
      serviceId: 9,
      category: 'Wired › No connectivity',
      impact: '4 incidents from 3 customers',
      symptoms:
        '- No wired connection in Bascom Hall. (INC-000001)\n- Wall port dead in room 112. (INC-000003)',
      firstSeenAt: '2026-12-08T14:01:00.000Z',
    });
  });

  test.each([
    [[{ customerId: 1 }], '1 incident from 1 customer'],
    [[{ customerId: 1 }, { customerId: 1 }], '2 incidents from 1 customer'],
    [
      [
        { customerId: null, callerEmail: 'A@x.edu' },
        { customerId: null, callerEmail: 'a@x.edu' },
        { customerId: null, callerEmail: null, callerName: 'Pat' },
      ],
      '3 incidents from 2 customers',
    ],
  ])('impact of %j → %s', (rows, text) => {
    expect(impactText(rows.map((r) => ({ callerEmail: null, callerName: 'Someone', ...r })))).toBe(
      text,
    );
  });

  test('a tie between services goes to the one reported first', () => {
    expect(
      draftProblemFrom([incidentN(2, { serviceId: 10 }), incidentN(1)], services).serviceId,
    ).toBe(9);
  });

  test('numberList shortens long lists', () => {
    expect(numberList(['a', 'b'])).toBe('a, b');
    expect(numberList(Array.from({ length: 12 }, (_, i) => `n${i}`))).toBe(
      'n0, n1, n2, n3, n4, n5, n6, n7, n8, n9 and 2 more',
    );
  });
});

const none: ReadonlySet<number> = new Set();
const partnerRefusal = (n: number) =>
  `INC-00000${n} is a channel-partner ticket: its partner agent resolves it with the requester, so it is not linked to a problem.`;

describe('createProblem', () => {
  test('HDQA creates an open problem it owns until it assigns it (kb 001 step 6)', () => {
    const { problem, journal, audit } = createProblem({
      input: { incidentIds: [1, 2] },
      incidents: [incidentN(1), incidentN(2)],
      services,
      teams,
      partnerTicketIds: none,
      actor: actorFor('hdqa', { name: 'Harper Quality' }),
      now,
    });
    expect(problem).toMatchObject({
      status: 'open',
      ownerTeamId: 2,
      outageId: null,
      version: 1,
      createdById: 10,
      createdAt: now,
      impact: '2 incidents from 2 customers',
    });
    expect(journal[0]?.body).toBe('Problem created by Harper Quality from INC-000001, INC-000002.');
    expect(audit).toEqual([
      { actorId: 10, field: 'status', fromValue: null, toValue: 'open', version: 1, at: now },
    ]);
  });

  test('a title typed by HDQA wins over the prefill', () => {
    const { problem } = createProblem({
      input: { incidentIds: [1], title: 'Bascom switch' },
      incidents: [incidentN(1)],
      services,
      teams,
      partnerTicketIds: none,
      actor: actorFor('hdqa'),
      now,
    });
    expect(problem.title).toBe('Bascom switch');
  });

  test('resolved or already linked incidents are refused, all named at once', () => {
    const error = errorOf(() =>
      createProblem({
        input: { incidentIds: [1, 2, 3] },
        incidents: [
          incidentN(1),
          incidentN(2, { status: 'resolved' }),
          incidentN(3, { problemId: 9 }),
        ],
        services,
        teams,
        partnerTicketIds: new Set([4]),
        actor: actorFor('hdqa'),
        now,
      }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message:
        'INC-000002 is resolved; only open incidents are linked to a problem. INC-000003 is already linked to another problem.',
    });
    expect(error.fields).toHaveProperty('incidentIds');
  });

  test('a channel-partner ticket is refused (kb 003: its partner agent resolves it, not Resolve Attached)', () => {
    const error = errorOf(() =>
      createProblem({
        input: { incidentIds: [1, 2] },
        incidents: [incidentN(1), incidentN(2)],
        services,
        teams,
        partnerTicketIds: new Set([2]),
        actor: actorFor('hdqa'),
        now,
      }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', message: partnerRefusal(2) });
  });

  test.each(['l1', 'sncc', 'cps'] as const)('%s may not create problems', (role) => {
    expect(
      errorOf(() =>
        createProblem({
          input: { incidentIds: [1] },
          incidents: [incidentN(1)],
          services,
          teams,
          partnerTicketIds: none,
          actor: actorFor(role),
          now,
        }),
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('linkIncidentsToProblem (kb 001 step 8)', () => {
  const problem = {
    ...problemWith(),
    outage: { number: 'OUT-000007', title: 'Campus network outage', status: 'active' as const },
  };

  test('every incident gets problemId, version + 1, an audit row and a journal entry; the problem one line', () => {
    const result = linkIncidentsToProblem({
      incidents: [incidentN(1), incidentN(2)],
      problem,
      partnerTicketIds: none,
      actor: actorFor('hdqa', { name: 'Harper' }),
      now,
    });
    expect(
      result.incidents.map((w) => [
        w.id,
        w.expectedVersion,
        w.changes.problemId,
        w.changes.version,
        w.audit.length,
        w.journal.length,
      ]),
    ).toEqual([
      [1, 3, 40, 4, 1, 1],
      [2, 3, 40, 4, 1, 1],
    ]);
    expect(result.problemJournal[0]?.body).toBe(
      'Harper linked 2 incidents: INC-000001, INC-000002.',
    );
  });

  test('a channel-partner ticket refuses the whole link', () => {
    const error = errorOf(() =>
      linkIncidentsToProblem({
        incidents: [incidentN(1), incidentN(2)],
        problem,
        partnerTicketIds: new Set([1]),
        actor: actorFor('hdqa'),
        now,
      }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', message: partnerRefusal(1) });
  });

  test('one refusal refuses the whole link', () => {
    const error = errorOf(() =>
      linkIncidentsToProblem({
        incidents: [incidentN(1), incidentN(2, { status: 'closed' })],
        problem,
        partnerTicketIds: none,
        actor: actorFor('hdqa'),
        now,
      }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION',
      message: 'INC-000002 is closed; only open incidents are linked to a problem.',
    });
  });
});
