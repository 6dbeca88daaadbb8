import { afterEach, beforeEach, expect, test } from 'vitest';
import { effects, forgetRoutingAnswers, recordRoutingAnswers } from '@handoff/domain';
import * as changeFeed from '../change-feed';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { createTestDb, type TestDb } from '../testing';
import { buildOwnedIncident } from '../testing/builders';
import { findById } from './incident';
import * as routingAnswersRepository from './routing-answers';

let t: TestDb;
let db: Db;
/** Two calls, each owned by its own agent; `agent` (of the first) records the answers. */
let first: number;
let second: number;
let agent: number;
beforeEach(async () => {
  t = createTestDb();
  db = t.db;
  const owned = await buildOwnedIncident(db);
  first = owned.incident.id;
  agent = owned.agent.id;
  second = (await buildOwnedIncident(db)).incident.id;
});
afterEach(() => t.close());

const now = '2026-11-24T16:00:00.000Z';

const record = async (
  incidentId: number,
  answers: Parameters<typeof recordRoutingAnswers>[0]['answers'],
) =>
  commitSync(
    db,
    recordRoutingAnswers({
      incident: (await findById(db, incidentId))!,
      answers,
      actorId: agent,
      now,
    }),
  );

test('recorded answers are kept with the incident, replaced whole, and forgotten by {} or a one-step', async () => {
  expect(await routingAnswersRepository.find(db, first)).toEqual({});
  await record(first, { indicatesContractPartner: true, contractDepartment: true });
  expect(await routingAnswersRepository.find(db, first)).toEqual({
    indicatesContractPartner: true,
    contractDepartment: true,
  });
  expect(await routingAnswersRepository.find(db, second)).toEqual({});
  await record(first, { workRelated: false });
  expect(await routingAnswersRepository.find(db, first)).toEqual({ workRelated: false });
  await record(first, {});
  expect(await routingAnswersRepository.find(db, first)).toEqual({});
  await record(second, { outage: true });
  commitSync(db, effects(now, { writes: [forgetRoutingAnswers(second)] }));
  expect(await routingAnswersRepository.find(db, second)).toEqual({});
});

test('recording answers announces exactly one event to the owner team and the agent', async () => {
  const incident = (await findById(db, first))!;
  const before = changeFeed.latestChangeId(db);
  await record(first, { workRelated: true });
  await record(first, {});
  expect(changeFeed.changesSince(db, before)).toMatchObject([
    {
      entity: 'routingAnswers',
      entityId: first,
      kind: 'recorded',
      teamIds: [incident.ownerTeamId],
      userIds: [agent],
    },
    {
      entity: 'routingAnswers',
      entityId: first,
      kind: 'cleared',
      teamIds: [incident.ownerTeamId],
      userIds: [agent],
    },
  ]);
  expect(changeFeed.changesSince(db, before)).toHaveLength(2);
});
