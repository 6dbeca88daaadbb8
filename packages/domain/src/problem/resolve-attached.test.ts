import { describe, expect, test } from 'vitest';
import { type Incident } from '../incident/schema';
import { type Outage } from '../outage/schema';
import {
  type AttachedIncident,
  canResolveAttached,
  previewResolveAttached,
  resolveAttachedIncidents,
} from './resolve-attached';
import { actorFor, errorOf, incidentN, now, outageWith, problemWith } from './test-fixtures';

const attached = (
  n: number,
  o: Partial<Incident> = {},
  customer: AttachedIncident['customer'] | undefined = undefined,
): AttachedIncident => ({
  incident: incidentN(n, { problemId: 40, ...o }),
  customer: customer === undefined ? { name: `Customer ${n}`, email: `c${n}@wisc.edu` } : customer,
});
const sncc = actorFor('sncc', { name: 'Sydney SNCC' });
const run = (list: AttachedIncident[], outage: Outage | null = outageWith()) =>
  resolveAttachedIncidents({
    problem: problemWith(),
    outage,
    attached: list,
    actor: sncc,
    now,
    expectedVersion: 2,
  });

describe('resolveAttachedIncidents (kb 001 step 10)', () => {
  test('every open attached incident is resolved with a note naming the problem and the outage', () => {
    const result = run([attached(1), attached(2)]);
    expect(
      result.incidents.map((w) => [w.id, w.expectedVersion, w.changes.status, w.changes.version]),
    ).toEqual([
      [1, 3, 'resolved', 4],
      [2, 3, 'resolved', 4],
    ]);
    const first = result.incidents[0]!;
    expect(first.audit).toEqual([
      { actorId: 10, field: 'status', fromValue: 'new', toValue: 'resolved', version: 4, at: now },
    ]);
    expect(first.journal.map((j) => [j.kind, j.visibility])).toEqual([
      ['system', 'internal'],
      ['note', 'customer'],
    ]);
    expect(first.journal[1]?.body).toBe(
      'Resolved with problem PRB-000040 and outage OUT-000007 (Campus network outage): the issue behind this incident has been fixed, so it should be resolved for you. ' +
        'If the issue still occurs, contact the Help Desk (608-264-4357) and mention INC-000001.',
    );
  });

  test('each distinct customer gets exactly one e-mail, naming all of their incidents', () => {
    const result = run([
      attached(1, { customerId: 200 }, { name: 'Pat', email: 'pat@wisc.edu' }),
      attached(2, { customerId: 200 }, { name: 'Pat', email: 'pat@wisc.edu' }),
      attached(3),
    ]);
    expect(result.outbox.map((m) => [m.toAddress, m.incidentId, m.template, m.subject])).toEqual([
      [
        'pat@wisc.edu',
        1,
        'resolved-attached',
        'Your incidents INC-000001, INC-000002 should now be resolved',
      ],
      ['c3@wisc.edu', 3, 'resolved-attached', 'Your incident INC-000003 should now be resolved'],
    ]);
    expect(result.outbox[0]?.textBody).toContain('should now be resolved');
    expect(result.outbox[0]?.textBody).toContain(
      'If you believe the issue is still occurring, please contact the Help Desk at 608-264-4357',
    );
    expect(result.outbox[0]?.textBody).toContain(
      'Wired connections in several buildings are down.',
    );
    expect(result.counts).toEqual({
      incidents: 3,
      customers: 2,
      emails: 2,
      customersWithoutEmail: 0,
    });
  });

  test.each([
    [
      'the customer record on one, only their address on another',
      [
        attached(1, { customerId: 200 }, { name: 'Pat Lee', email: 'pat@wisc.edu' }),
        attached(2, { customerId: null, callerName: 'pat', callerEmail: 'pat@wisc.edu' }, null),
      ],
    ],
    [
      'only the address, in another letter case, on the first',
      [
        attached(
          1,
          { customerId: null, callerName: 'P. Lee', callerEmail: ' PAT@Wisc.EDU ' },
          null,
        ),
        attached(2, { customerId: 200 }, { name: 'Pat Lee', email: 'pat@wisc.edu' }),
      ],
    ],
    [
      'the address twice in two letter cases, no customer record',
      [
        attached(1, { customerId: null, callerName: 'Pat Lee', callerEmail: 'pat@wisc.edu' }, null),
        attached(2, { customerId: null, callerName: 'Pat', callerEmail: 'Pat@Wisc.Edu' }, null),
      ],
    ],
    [
      'a third incident that ties two seen so far together',
      [
        attached(1, { customerId: null, callerName: 'Pat Lee', callerEmail: 'pat@wisc.edu' }, null),
        attached(2, { customerId: 200, callerEmail: null }, { name: 'Pat Lee', email: '' }),
        attached(3, { customerId: 200 }, { name: 'Pat Lee', email: 'pat@wisc.edu' }),
      ],
    ],
  ])('one person, one e-mail: %s', (_case, list) => {
    const result = run(list);
    expect(result.outbox).toHaveLength(1);
    expect(result.outbox[0]?.toAddress.toLowerCase()).toBe('pat@wisc.edu');
    expect(result.outbox[0]?.toName).toBe('Pat Lee');
    expect(result.outbox[0]?.subject).toContain(list.map((a) => a.incident.number).join(', '));
    expect(result.counts).toMatchObject({ incidents: list.length, customers: 1, emails: 1 });
  });

  test('a caller without a customer record is e-mailed at the caller address; one with no address is counted, not e-mailed', () => {
    const result = run([
      attached(1, { customerId: null, callerEmail: 'walkin@wisc.edu' }, null),
      attached(2, { customerId: null, callerEmail: null }, null),
    ]);
    expect(result.outbox.map((m) => m.toAddress)).toEqual(['walkin@wisc.edu']);
    expect(result.counts).toEqual({
      incidents: 2,
      customers: 2,
      emails: 1,
      customersWithoutEmail: 1,
    });
    expect(result.problemJournal[0]?.body).toContain('1 without an e-mail address were not told.');
  });

  test('idempotent: incidents already resolved are skipped, so a second run resolves and sends nothing', () => {
    const once = run([attached(1), attached(2)]);
    const afterwards = [
      attached(1, { status: 'resolved', version: 4 }),
      attached(2, { status: 'resolved', version: 4 }),
    ];
    expect(once.incidents).toHaveLength(2);
    const twice = run(afterwards, outageWith({ status: 'resolved' }));
    expect(twice).toEqual({
      incidents: [],
      outbox: [],
      problemJournal: [],
      outage: null,
      counts: { incidents: 0, customers: 0, emails: 0, customersWithoutEmail: 0 },
    });
  });

  test('only the incidents still open are touched, closed or resolved ones are left as they are', () => {
    const result = run([
      attached(1),
      attached(2, { status: 'closed' }),
      attached(3, { status: 'pending_customer' }),
    ]);
    expect(result.incidents.map((w) => w.id)).toEqual([1, 3]);
    expect(result.outbox.map((m) => m.toAddress)).toEqual(['c1@wisc.edu', 'c3@wisc.edu']);
  });

  test('an outage still active is resolved with them; a resolved one is left alone', () => {
    expect(run([attached(1)]).outage?.changes).toMatchObject({
      status: 'resolved',
      endAt: now,
      version: 4,
    });
    expect(run([attached(1)], outageWith({ status: 'resolved' })).outage).toBeNull();
    const noOutage = run([attached(1)], null);
    expect(noOutage.outage).toBeNull();
    expect(noOutage.incidents[0]?.journal[1]?.body).toMatch(/^Resolved with problem PRB-000040: /);
  });

  test('500 attached incidents of 125 customers → 500 resolved, 125 e-mails', () => {
    const list = Array.from({ length: 500 }, (_, i) =>
      attached(
        i + 1,
        { customerId: 1000 + (i % 125) },
        { name: `C${i % 125}`, email: `c${i % 125}@wisc.edu` },
      ),
    );
    const result = run(list);
    expect(result.incidents).toHaveLength(500);
    expect(new Set(result.outbox.map((m) => m.toAddress)).size).toBe(125);
    expect(result.outbox).toHaveLength(125);
    expect(result.problemJournal[0]?.body).toMatch(
      /^Resolve Attached Incidents by Sydney SNCC: 500 resolved \(INC-000001, .* and 490 more\); 125 customers e-mailed\. Outage OUT-000007 resolved\.$/,
    );
  });

  test.each([
    ['HDQA', actorFor('hdqa'), problemWith(), 2, 'FORBIDDEN'],
    ['a resolved problem', sncc, problemWith({ status: 'resolved' }), 2, 'INVALID_TRANSITION'],
    ['a stale problem version', sncc, problemWith({ version: 3 }), 2, 'CONFLICT'],
  ] as const)('%s → %s, nothing computed', (_name, actor, problem, expectedVersion, code) => {
    expect(
      errorOf(() =>
        resolveAttachedIncidents({
          problem,
          outage: null,
          attached: [attached(1)],
          actor,
          now,
          expectedVersion,
        }),
      ).code,
    ).toBe(code);
  });
});

describe('the confirmation and the button', () => {
  test('preview counts open incidents and distinct customers', () => {
    expect(
      previewResolveAttached([
        attached(1),
        attached(2, { customerId: 101 }),
        attached(3, { status: 'resolved' }),
      ]),
    ).toEqual({
      incidents: 2,
      customers: 1,
      emails: 1,
      customersWithoutEmail: 0,
    });
  });

  test.each([
    ['SNCC with open incidents', sncc, [attached(1)], null],
    [
      'SNCC with nothing open',
      sncc,
      [attached(1, { status: 'resolved' })],
      'No open incident is attached to PRB-000040.',
    ],
    [
      'HDQA',
      actorFor('hdqa'),
      [attached(1)],
      'Your role (hdqa) may not run Resolve Attached Incidents.',
    ],
  ] as const)('%s → %s', (_name, actor, list, reason) => {
    expect(canResolveAttached({ problem: problemWith(), actor, attached: list })).toBe(reason);
  });
});
