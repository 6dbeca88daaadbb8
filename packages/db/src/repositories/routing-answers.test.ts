import { afterEach, beforeEach, expect, test } from 'vitest';
import { type Db } from '../client';
import { createTestDb, type TestDb } from '../testing';
import * as routingAnswersRepository from './routing-answers';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.close());

const at = '2026-11-24T16:00:00.000Z';

test('recorded answers are kept with the incident, replaced whole, and forgotten by {} or clear', () => {
  expect(routingAnswersRepository.find(db, 1)).toEqual({});
  routingAnswersRepository.save(db, {
    incidentId: 1,
    answers: { indicatesContractPartner: true, contractDepartment: true },
    actorId: 1,
    at,
  });
  expect(routingAnswersRepository.find(db, 1)).toEqual({
    indicatesContractPartner: true,
    contractDepartment: true,
  });
  expect(routingAnswersRepository.find(db, 2)).toEqual({});
  routingAnswersRepository.save(db, {
    incidentId: 1,
    answers: { workRelated: false },
    actorId: 1,
    at,
  });
  expect(routingAnswersRepository.find(db, 1)).toEqual({ workRelated: false });
  routingAnswersRepository.save(db, { incidentId: 1, answers: {}, actorId: 1, at });
  expect(routingAnswersRepository.find(db, 1)).toEqual({});
  routingAnswersRepository.save(db, { incidentId: 2, answers: { outage: true }, actorId: 1, at });
  db.transaction((tx) => routingAnswersRepository.clear(tx, 2));
  expect(routingAnswersRepository.find(db, 2)).toEqual({});
});
