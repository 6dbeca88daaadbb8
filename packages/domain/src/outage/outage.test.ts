import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { actorFor } from '../incident/test-fixtures';
import { type Role } from '../roles';
import { outageBoard } from './board';
import {
  canResolveOutage,
  canStartOutage,
  canUpdateOutage,
  resolveOutage,
  startOutage,
  updateOutage,
} from './change-outage';
import { declareOutage } from './declare-outage';
import { type DeclareOutageInput, type Outage } from './schema';

const now = '2026-12-08T15:00:00.000Z';
const teams = { HDQA: 2, 'SNCC-Sysops': 5, 'SNCC-Network': 6, EAST: 7 };
const unplanned: DeclareOutageInput = {
  title: 'Campus network outage',
  serviceIds: [9, 9, 10],
  kind: 'unplanned',
  publicSummary: 'Wired connections in several buildings are down.',
  ownerTeamId: 6,
};
const errorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};

describe('declareOutage (kb 001 step 3)', () => {
  test.each(['hdqa', 'sncc'] as const)(
    '%s declares an unplanned outage: active from now, owned by the SNCC team',
    (role) => {
      const { outage, serviceIds, updates } = declareOutage({
        input: unplanned,
        actor: actorFor(role),
        now,
        teams,
      });
      expect(outage).toMatchObject({
        status: 'active',
        kind: 'unplanned',
        startAt: now,
        expectedEndAt: null,
        endAt: null,
        ownerTeamId: 6,
        declaredById: 10,
        version: 1,
      });
      expect(serviceIds).toEqual([9, 10]);
      expect(updates).toEqual([
        {
          kind: 'declared',
          body: 'Outage declared: Wired connections in several buildings are down.',
          authorId: 10,
          createdAt: now,
        },
      ]);
    },
  );

  test('a planned outage waits for its window', () => {
    const { outage, updates } = declareOutage({
      input: {
        ...unplanned,
        kind: 'planned',
        startAt: '2026-12-10T02:00:00-06:00',
        expectedEndAt: '2026-12-10T04:00:00-06:00',
      },
      actor: actorFor('sncc'),
      now,
      teams,
    });
    expect(outage).toMatchObject({
      status: 'planned',
      startAt: '2026-12-10T08:00:00.000Z',
      expectedEndAt: '2026-12-10T10:00:00.000Z',
    });
    expect(updates[0]?.body).toMatch(/^Planned outage declared/);
  });

  test('an unplanned outage may have started a moment ago', () => {
    const { outage } = declareOutage({
      input: { ...unplanned, startAt: '2026-12-08T14:40:00.000Z' },
      actor: actorFor('hdqa'),
      now,
      teams,
    });
    expect(outage.startAt).toBe('2026-12-08T14:40:00.000Z');
  });

  test.each([
    [
      'owner not an SNCC team',
      { ownerTeamId: 7 },
      'ownerTeamId',
      'SNCC owns outages: choose SNCC-Sysops or SNCC-Network.',
    ],
    [
      'planned without a start',
      { kind: 'planned', expectedEndAt: '2026-12-10T10:00:00Z' },
      'startAt',
      'A planned outage needs the start of its window.',
    ],
    [
      'planned in the past',
      { kind: 'planned', startAt: '2026-12-08T14:00:00Z', expectedEndAt: '2026-12-10T10:00:00Z' },
      'startAt',
      'A planned outage starts in the future; declare an unplanned outage for one happening now.',
    ],
    [
      'planned without an end',
      { kind: 'planned', startAt: '2026-12-10T08:00:00Z' },
      'expectedEndAt',
      'A planned outage needs the end of its window.',
    ],
    [
      'unplanned starting later',
      { startAt: '2026-12-08T16:00:00Z' },
      'startAt',
      'An unplanned outage has already started: its start cannot be in the future. Plan it instead.',
    ],
    [
      'end before start',
      { expectedEndAt: '2026-12-08T14:00:00Z' },
      'expectedEndAt',
      'The expected end must come after the start.',
    ],
  ] as const)('%s → VALIDATION at %s', (_name, change, field, message) => {
    const error = errorOf(() =>
      declareOutage({ input: { ...unplanned, ...change }, actor: actorFor('sncc'), now, teams }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', message, fields: { [field]: message } });
  });

  test.each(['l1', 'cps', 'es', 'technologist', 'customer'] as const)(
    '%s may not declare → FORBIDDEN',
    (role) => {
      expect(
        errorOf(() => declareOutage({ input: unplanned, actor: actorFor(role), now, teams })).code,
      ).toBe('FORBIDDEN');
    },
  );
});

const outage = (o: Partial<Outage> = {}): Outage => ({
  id: 7,
  number: 'OUT-000007',
  title: 'Campus network outage',
  kind: 'unplanned',
  status: 'active',
  publicSummary: 'Down.',
  startAt: '2026-12-08T14:00:00.000Z',
  expectedEndAt: null,
  endAt: null,
  ownerTeamId: 6,
  declaredById: 10,
  version: 2,
  createdAt: '2026-12-08T14:00:00.000Z',
  updatedAt: '2026-12-08T14:00:00.000Z',
  ...o,
});
const ctx = (role: Role, o: Partial<Outage> = {}) => ({
  outage: outage(o),
  actor: actorFor(role),
  now,
});

describe('SNCC owns the outage: updates, start, resolve', () => {
  test('a timestamped update replaces the public summary and may move the expected end', () => {
    const result = updateOutage(ctx('sncc'), {
      outageId: 7,
      expectedVersion: 2,
      publicSummary: 'Core switch replaced; recovering.',
      expectedEndAt: '2026-12-08T17:00:00Z',
    });
    expect(result.changes).toEqual({
      publicSummary: 'Core switch replaced; recovering.',
      expectedEndAt: '2026-12-08T17:00:00.000Z',
      version: 3,
      updatedAt: now,
    });
    expect(result.updates).toEqual([
      { kind: 'summary', body: 'Core switch replaced; recovering.', authorId: 10, createdAt: now },
    ]);
  });

  test('a planned outage starts now; an active one resolves now', () => {
    expect(
      startOutage(ctx('sncc', { status: 'planned' }), { outageId: 7, expectedVersion: 2 }).changes,
    ).toEqual({ status: 'active', startAt: now, version: 3, updatedAt: now });
    const resolved = resolveOutage(ctx('sncc'), {
      outageId: 7,
      expectedVersion: 2,
      note: 'Service restored.',
    });
    expect(resolved.changes).toEqual({
      status: 'resolved',
      endAt: now,
      version: 3,
      updatedAt: now,
    });
    expect(resolved.updates[0]).toMatchObject({ kind: 'resolved', body: 'Service restored.' });
  });

  test.each([
    [
      'update by HDQA',
      () => updateOutage(ctx('hdqa'), { outageId: 7, expectedVersion: 2, publicSummary: 'x' }),
      'FORBIDDEN',
      'Your role (hdqa) may not update, start or resolve outages.',
    ],
    [
      'update of a resolved outage',
      () =>
        updateOutage(ctx('sncc', { status: 'resolved' }), {
          outageId: 7,
          expectedVersion: 2,
          publicSummary: 'x',
        }),
      'INVALID_TRANSITION',
      'OUT-000007 is resolved; its summary is final.',
    ],
    [
      'start of an active outage',
      () => startOutage(ctx('sncc'), { outageId: 7, expectedVersion: 2 }),
      'INVALID_TRANSITION',
      'OUT-000007 is active; only a planned outage starts.',
    ],
    [
      'resolve twice',
      () => resolveOutage(ctx('sncc', { status: 'resolved' }), { outageId: 7, expectedVersion: 2 }),
      'INVALID_TRANSITION',
      'OUT-000007 is already resolved.',
    ],
    [
      'a stale version',
      () => resolveOutage(ctx('sncc'), { outageId: 7, expectedVersion: 1 }),
      'CONFLICT',
      'OUT-000007 was changed by someone else since you opened it (you saw version 1, it is now 2). Reload to see their change; nothing of yours was saved.',
    ],
    [
      'an expected end before the start',
      () =>
        updateOutage(ctx('sncc'), {
          outageId: 7,
          expectedVersion: 2,
          publicSummary: 'x',
          expectedEndAt: '2026-12-08T13:00:00Z',
        }),
      'VALIDATION',
      'The expected end must come after the start.',
    ],
  ] as const)('%s → %s', (_name, run, code, message) => {
    expect(errorOf(run)).toMatchObject({ code, message });
  });

  test('the guards give the button reasons', () => {
    expect(canUpdateOutage(ctx('sncc'))).toBeNull();
    expect(canStartOutage(ctx('sncc', { status: 'planned' }))).toBeNull();
    expect(canResolveOutage(ctx('sncc', { status: 'planned' }))).toBeNull();
    expect(canResolveOutage(ctx('l1'))).toBe(
      'Your role (l1) may not update, start or resolve outages.',
    );
  });
});

describe('outageBoard (the outages page and /status)', () => {
  test('active newest first, planned soonest first, resolved only for a week, latest first', () => {
    const list = [
      outage({ id: 1, status: 'active', startAt: '2026-12-08T10:00:00Z' }),
      outage({ id: 2, status: 'active', startAt: '2026-12-08T12:00:00Z' }),
      outage({ id: 3, status: 'planned', startAt: '2026-12-20T10:00:00Z' }),
      outage({ id: 4, status: 'planned', startAt: '2026-12-10T10:00:00Z' }),
      outage({ id: 5, status: 'resolved', endAt: '2026-12-07T10:00:00Z' }),
      outage({ id: 6, status: 'resolved', endAt: '2026-12-08T10:00:00Z' }),
      outage({ id: 7, status: 'resolved', endAt: '2026-11-30T10:00:00Z' }),
    ];
    const board = outageBoard(list, now);
    expect(board.active.map((o) => o.id)).toEqual([2, 1]);
    expect(board.planned.map((o) => o.id)).toEqual([4, 3]);
    expect(board.recentlyResolved.map((o) => o.id)).toEqual([6, 5]);
  });
});
