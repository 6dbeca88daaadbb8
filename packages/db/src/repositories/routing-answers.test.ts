import { afterEach, beforeEach, expect, test } from 'vitest';
import { effects, forgetRoutingAnswers, recordRoutingAnswers } from '@handoff/domain';
import * as changeFeed from '../change-feed';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { createTestDb, type TestDb } from '../testing';
import { findById } from './incident';
import * as routingAnswersRepository from './routing-answers';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.close());

const now = '2026-11-24T16:00:00.000Z';

const record = async (
  incidentId: number,
  answers: Parameters<typeof recordRoutingAnswers>[0]['answers'],
) =>
  commitSync(
    db,
    recordRoutingAnswers({ incident: (await findById(db, incidentId))!, answers, actorId: 1, now }),
  );

test('recorded answers are kept with the incident, replaced whole, and forgotten by {} or a one-step', async () => {
  expect(await routingAnswersRepository.find(db, 1)).toEqual({});
  await record(1, { indicatesContractPartner: true, contractDepartment: true });
  expect(await routingAnswersRepository.find(db, 1)).toEqual({
    indicatesContractPartner: true,
    contractDepartment: true,
  });
  expect(await routingAnswersRepository.find(db, 2)).toEqual({});
  await record(1, { workRelated: false });
  expect(await routingAnswersRepository.find(db, 1)).toEqual({ workRelated: false });
  await record(1, {});
  expect(await routingAnswersRepository.find(db, 1)).toEqual({});
  await record(2, { outage: true });
  commitSync(db, effects(now, { writes: [forgetRoutingAnswers(2)] }));
  expect(await routingAnswersRepository.find(db, 2)).toEqual({});
});

test('recording answers announces exactly one event to the owner team and the agent', async () => {
  const incident = (await findById(db, 1))!;
  const before = changeFeed.latestChangeId(db);
  await record(1, { workRelated: true });
  await record(1, {});
  expect(changeFeed.changesSince(db, before)).toMatchObject([
    {
      entity: 'routingAnswers',
      entityId: 1,
      kind: 'recorded',
      teamIds: [incident.ownerTeamId],
      userIds: [1],
    },
    {
      entity: 'routingAnswers',
      entityId: 1,
      kind: 'cleared',
      teamIds: [incident.ownerTeamId],
      userIds: [1],
    },
  ]);
  expect(changeFeed.changesSince(db, before)).toHaveLength(2);
});
