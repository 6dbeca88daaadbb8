import { describe, expect, test } from 'vitest';
import { recordRoutingAnswers } from './entity';

const now = '2026-11-24T16:00:00.000Z';
const incident = { id: 9, ownerTeamId: 1 };

describe('recordRoutingAnswers: the Route panel answers kept with the incident (issue 14.11)', () => {
  test.each([
    [
      'answers replace the previous set and are announced as recorded',
      { workRelated: true },
      ['delete', 'insert'],
      'recorded',
    ],
    ['no answers start over: the set is cleared, nothing inserted', {}, ['delete'], 'cleared'],
  ] as const)('%s', (_name, answers, ops, kind) => {
    const e = recordRoutingAnswers({ incident, answers, actorId: 10, now });
    expect(e.writes.map((w) => w.op)).toEqual(ops);
    expect(e.writes.at(-1)).toMatchObject(
      kind === 'recorded'
        ? { values: { incidentId: 9, answers, recordedById: 10, recordedAt: now } }
        : { entity: 'routingAnswers' },
    );
    expect(e.events).toEqual([
      {
        entity: 'routingAnswers',
        entityId: 9,
        kind,
        actorId: 10,
        teamIds: [1],
        userIds: [10],
      },
    ]);
  });
});
