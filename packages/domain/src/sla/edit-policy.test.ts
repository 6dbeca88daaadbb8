import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { canReadReports, editSlaPolicyEffects } from './edit-policy';
import { type SlaPolicy, type SlaPolicyInput } from './schema';

const current: SlaPolicy = {
  id: 4,
  teamId: 2,
  urgency: null,
  channel: null,
  calendar: 'cps',
  firstResponseAmount: 4,
  firstResponseUnit: 'business_hours',
  resolutionAmount: 3,
  resolutionUnit: 'business_days',
  effectiveFrom: '2025-01-01T00:00:00.000Z',
  supersededAt: null,
  createdById: null,
};
const input: SlaPolicyInput = {
  teamId: 2,
  urgency: null,
  channel: null,
  calendar: 'cps',
  firstResponse: { amount: 2, unit: 'business_hours' },
  resolution: { amount: 3, unit: 'business_days' },
};
const now = '2026-03-02T12:00:00.000Z';

describe('editing a policy', () => {
  test('supersedes the version in force (unless someone did first) and inserts the new one from now', () => {
    const e = editSlaPolicyEffects(current, input, { id: 9 }, now);
    expect(e.writes).toMatchObject([
      {
        op: 'update',
        entity: 'slaPolicy',
        id: 4,
        set: { supersededAt: now },
        still: { supersededAt: null },
      },
      {
        op: 'insert',
        entity: 'slaPolicy',
        values: { teamId: 2, firstResponseAmount: 2, effectiveFrom: now, createdById: 9 },
      },
    ]);
    expect(e.events).toMatchObject([
      { entity: 'slaPolicy', entityId: 4, kind: 'superseded', actorId: 9 },
    ]);
  });
  test('a first policy for a team, urgency or channel is only inserted', () => {
    const e = editSlaPolicyEffects(null, { ...input, urgency: 'urgent' }, { id: 9 }, now);
    expect(e.writes.map((w) => w.op)).toEqual(['insert']);
    expect(e.events).toMatchObject([{ kind: 'created' }]);
  });
  test.each([
    ['the same targets', {}],
    ['the same targets, other team fields ignored', { teamId: 2 }],
  ])('%s change nothing and say so', (_name, over) => {
    const same = {
      ...input,
      ...over,
      firstResponse: { amount: 4, unit: 'business_hours' as const },
    };
    expect(() => editSlaPolicyEffects(current, same, { id: 9 }, now)).toThrow(DomainError);
  });
  test.each([
    ['calendar', { calendar: '24x7' as const }],
    ['resolution amount', { resolution: { amount: 5, unit: 'business_days' as const } }],
    ['resolution unit', { resolution: { amount: 3, unit: 'business_hours' as const } }],
    ['first-response unit', { firstResponse: { amount: 4, unit: 'minutes' as const } }],
  ])('a changed %s is an edit', (_name, over) => {
    const edit = {
      ...input,
      firstResponse: { amount: 4, unit: 'business_hours' as const },
      ...over,
    };
    expect(editSlaPolicyEffects(current, edit, { id: 9 }, now).writes).toHaveLength(2);
  });
});

describe('who reads the reports', () => {
  test.each([
    ['hdqa', [], true],
    ['admin', [], true],
    ['cps', [], false],
    ['cps', [2], true],
    ['l1', [], false],
    ['l1', [4], true],
    // Leading a team opens the reports to our own staff only (the permission table's reports.read).
    ['customer', [2], false],
    ['partner_agent', [2], false],
  ] as const)('%s leading %j: %s', (role, led, allowed) => {
    expect(canReadReports({ role }, led)).toBe(allowed);
  });
});
