import { describe, expect, test } from 'vitest';
import { type Role } from '../roles';
import {
  assignProblem,
  canResolveProblem,
  editProblem,
  linkProblemToOutage,
  resolveProblem,
} from './change-problem';
import { type Problem } from './schema';
import { actorFor, errorOf, now, outageWith, problemWith, teams } from './test-fixtures';

const ctx = (role: Role, p: Partial<Problem> = {}) => ({
  problem: problemWith(p),
  actor: actorFor(role, { name: `Test ${role}` }),
  now,
  teams,
});

describe('assignProblem (kb 001 steps 6 and 11)', () => {
  test('HDQA assigns its new problem to SNCC-Network: owner changes, audited, journaled with the note', () => {
    const result = assignProblem(ctx('hdqa', { ownerTeamId: 2 }), {
      problemId: 40,
      expectedVersion: 2,
      teamId: 6,
      note: 'Per SNCC chat.',
    });
    expect(result.changes).toEqual({ ownerTeamId: 6, version: 3, updatedAt: now });
    expect(result.audit).toEqual([
      { actorId: 10, field: 'ownerTeamId', fromValue: '2', toValue: '6', version: 3, at: now },
    ]);
    expect(result.journal.map((j) => [j.kind, j.body])).toEqual([
      ['system', 'Assigned to SNCC-Network by Test hdqa.'],
      ['note', 'Per SNCC chat.'],
    ]);
  });

  test('SNCC reassigns for follow-up to another team', () => {
    expect(
      assignProblem(ctx('sncc'), { problemId: 40, expectedVersion: 2, teamId: 7 }).changes
        .ownerTeamId,
    ).toBe(7);
  });

  test.each([
    ['L1', 'l1', {}, 6 + 1, 'FORBIDDEN', 'Your role (l1) may not assign problems to a team.'],
    [
      'the owner team again',
      'hdqa',
      {},
      6,
      'INVALID_TRANSITION',
      'PRB-000040 is already owned by SNCC-Network.',
    ],
    [
      'a resolved problem',
      'sncc',
      { status: 'resolved' as const },
      7,
      'INVALID_TRANSITION',
      'PRB-000040 is resolved; nothing more can be done on it.',
    ],
    ['an unknown team', 'hdqa', {}, 999, 'VALIDATION', 'Choose a team.'],
    [
      'a stale version',
      'hdqa',
      { version: 5 },
      7,
      'CONFLICT',
      'PRB-000040 was changed by someone else since you opened it (you saw version 2, it is now 5). Reload to see their change; nothing of yours was saved.',
    ],
  ] as const)('%s → %s', (_name, role, p, teamId, code, message) => {
    expect(
      errorOf(() => assignProblem(ctx(role, p), { problemId: 40, expectedVersion: 2, teamId })),
    ).toMatchObject({ code, message });
  });
});

describe('linkProblemToOutage (kb 001 step 7)', () => {
  test('SNCC links the problem to the active outage', () => {
    const result = linkProblemToOutage(
      { ...ctx('sncc', { outageId: null }), outage: outageWith() },
      { problemId: 40, expectedVersion: 2, outageId: 7 },
    );
    expect(result.changes).toEqual({ outageId: 7, version: 3, updatedAt: now });
    expect(result.journal[0]?.body).toBe(
      'Linked to outage OUT-000007: Campus network outage. The outage procedure now applies to its incidents.',
    );
  });

  test.each([
    [
      'HDQA',
      'hdqa',
      { outageId: null },
      {},
      'FORBIDDEN',
      'Your role (hdqa) may not link a problem to an outage.',
    ],
    [
      'the same outage again',
      'sncc',
      { outageId: 7 },
      {},
      'INVALID_TRANSITION',
      'PRB-000040 is already linked to OUT-000007.',
    ],
    [
      'a resolved outage',
      'sncc',
      { outageId: null },
      { status: 'resolved' as const },
      'INVALID_TRANSITION',
      'OUT-000007 is resolved; link the problem to an active or planned outage.',
    ],
  ] as const)('%s → %s', (_name, role, p, o, code, message) => {
    const error = errorOf(() =>
      linkProblemToOutage(
        { ...ctx(role, p), outage: outageWith(o) },
        { problemId: 40, expectedVersion: 2, outageId: 7 },
      ),
    );
    expect(error).toMatchObject({ code, message });
  });
});

describe('editProblem and resolveProblem', () => {
  const edit = {
    problemId: 40,
    expectedVersion: 2,
    title: 'Bascom core switch',
    serviceId: 9,
    category: 'Wired › No connectivity',
    impact: 'Whole building',
    symptoms: 'No link light.',
    firstSeenAt: '2026-12-08T14:01:00.000Z',
  };

  test('edits audit the changed fields only', () => {
    const result = editProblem(ctx('hdqa'), edit);
    expect(result.audit.map((a) => a.field)).toEqual(['title', 'impact', 'symptoms']);
    expect(result.journal[0]?.body).toBe('Identify & Classify edited: title, impact, symptoms.');
  });

  test('an edit that changes nothing writes nothing', () => {
    const p = problemWith();
    expect(
      editProblem(ctx('sncc'), { ...edit, title: p.title, impact: p.impact, symptoms: p.symptoms }),
    ).toEqual({ changes: {}, audit: [], journal: [] });
  });

  test('SNCC resolves a problem once no incident is open', () => {
    const result = resolveProblem(
      { ...ctx('sncc'), openIncidents: 0 },
      { problemId: 40, expectedVersion: 2, note: 'Switch replaced.' },
    );
    expect(result.changes).toEqual({
      status: 'resolved',
      resolvedAt: now,
      version: 3,
      updatedAt: now,
    });
  });

  test('open incidents keep the problem open', () => {
    const message = 'PRB-000040 still has 2 open incidents; run Resolve Attached Incidents first.';
    expect(canResolveProblem({ ...ctx('sncc'), openIncidents: 2 })).toBe(message);
    expect(
      errorOf(() =>
        resolveProblem(
          { ...ctx('sncc'), openIncidents: 2 },
          { problemId: 40, expectedVersion: 2, note: 'x' },
        ),
      ),
    ).toMatchObject({ code: 'INVALID_TRANSITION', message });
    expect(canResolveProblem({ ...ctx('hdqa'), openIncidents: 0 })).toBe(
      'Your role (hdqa) may not resolve problems.',
    );
  });
});
