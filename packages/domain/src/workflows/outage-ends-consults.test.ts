import { describe, expect, test } from 'vitest';
import { type Outage } from '../outage/schema';
import { actorFor, incidentN, now, problemWith } from '../problem/test-fixtures';
import {
  endConsultsForOutage,
  linkIncidentsEndingConsultsEffects,
  type OpenConsultOf,
  startOutageEndingConsultsEffects,
} from './outage-ends-consults';

const consultOf = (incidentId: number, consultId = 100 + incidentId): OpenConsultOf => ({
  consult: { id: consultId, team: 'cps', openedById: 10 },
  incident: { ...incidentN(incidentId), ownerAgentId: null },
});
const hdqa = actorFor('hdqa', { name: 'Harper' });
const ended = (e: ReturnType<typeof endConsultsForOutage>) =>
  e.writes.filter((w) => w.entity === 'consult').map((w) => w.op === 'update' && w.id);

describe('endConsultsForOutage (kb 001: an incident of an open outage is not handed on)', () => {
  test('each consult expires while still open, its incident journals why, both announced', () => {
    const e = endConsultsForOutage(
      [consultOf(1)],
      { number: 'OUT-000007', status: 'planned' },
      {
        actorId: hdqa.id,
        now,
      },
    );
    expect(e.writes).toEqual([
      expect.objectContaining({
        op: 'update',
        entity: 'consult',
        id: 101,
        set: { status: 'expired' },
      }),
    ]);
    expect(e.journal).toEqual([
      {
        entity: 'incident',
        id: 1,
        entry: {
          kind: 'system',
          visibility: 'internal',
          body: `The chat consult to US - Help Desk CPS ended: ${incidentN(1).number} is attached to planned outage OUT-000007, so the outage procedure applies and nobody takes it over.`,
          data: { consultEnded: 'cps', outage: 'OUT-000007' },
          authorId: hdqa.id,
          createdAt: now,
        },
      },
    ]);
    expect(e.events.map((v) => [v.entity, v.entityId, v.kind])).toEqual([
      ['consult', 101, 'expired'],
      ['incident', 1, 'consult_ended'],
    ]);
  });
});

describe('linkIncidentsEndingConsultsEffects: one row per outage state', () => {
  test.each([
    ['no outage', null, []],
    ['a resolved outage', 'resolved', []],
    ['a planned outage', 'planned', [101]],
    ['an active outage', 'active', [101]],
  ] as const)('%s → consults ended: %o', (_name, status, expected) => {
    const problem = {
      ...problemWith(),
      outage: status === null ? null : { number: 'OUT-000007', title: 'Down', status },
    };
    const e = linkIncidentsEndingConsultsEffects({
      incidents: [incidentN(1)],
      problem,
      partnerTicketIds: new Set(),
      // The consult of an incident not being linked is left alone.
      openConsults: [consultOf(1), consultOf(2)],
      actor: hdqa,
      now,
    });
    expect(ended(e)).toEqual(expected);
    expect(e.writes.filter((w) => w.entity === 'incident')).toHaveLength(1);
  });
});

test('startOutageEndingConsultsEffects: the outage starts and its incidents’ consults end as “active”', () => {
  const outage = {
    id: 7,
    number: 'OUT-000007',
    title: 'Down',
    kind: 'planned',
    status: 'planned',
    publicSummary: 'Down.',
    startAt: now,
    expectedEndAt: null,
    endAt: null,
    ownerTeamId: 6,
    declaredById: 10,
    version: 2,
    createdAt: now,
    updatedAt: now,
  } satisfies Outage;
  const e = startOutageEndingConsultsEffects(
    { outage, actor: actorFor('sncc'), now, openConsults: [consultOf(1)] },
    { outageId: 7, expectedVersion: 2 },
  );
  expect(e.writes.map((w) => w.entity)).toEqual(['outage', 'consult']);
  expect(e.journal.find((j) => j.entity === 'incident')?.entry).toMatchObject({
    body: expect.stringContaining('is attached to active outage OUT-000007'),
  });
});
