import { describe, expect, test } from 'vitest';
import { actorFor, now } from '../incident/test-fixtures';
import {
  closeViewer,
  collisionOf,
  expireViewers,
  keepViewer,
  openViewer,
  setEditing,
  viewerTtlMs,
} from './viewer';

const later = (ms: number) => new Date(Date.parse(now) + ms).toISOString();
const viewer = { id: 4, incidentId: 9, userId: 10, editing: false };

describe('viewer effects', () => {
  test('opening inserts the connection with an expiry and announces it', () => {
    const e = openViewer({ incidentId: 9, actor: actorFor('cps'), connectionId: 'c1', now });
    expect(e.writes).toEqual([
      expect.objectContaining({
        op: 'insert',
        entity: 'incidentViewer',
        values: expect.objectContaining({
          incidentId: 9,
          userId: 10,
          connectionId: 'c1',
          editing: false,
          expiresAt: later(viewerTtlMs),
        }),
      }),
    ]);
    expect(e.events).toEqual([
      expect.objectContaining({ entity: 'incidentViewer', entityId: 9, kind: 'opened' }),
    ]);
  });

  test('keeping pushes the expiry on, silently', () => {
    const e = keepViewer(viewer, later(10_000));
    expect(e.writes).toEqual([
      expect.objectContaining({
        op: 'update',
        id: 4,
        set: { expiresAt: later(10_000 + viewerTtlMs) },
      }),
    ]);
    expect(e.events).toEqual([]);
  });

  test.each([
    [false, true, 'editing'],
    [true, false, 'idle'],
  ] as const)('editing %s → %s announces %s', (was, is, kind) => {
    const e = setEditing({ ...viewer, editing: was }, is, now);
    expect(e.writes).toEqual([
      expect.objectContaining({ op: 'update', set: expect.objectContaining({ editing: is }) }),
    ]);
    expect(e.events.map((x) => x.kind)).toEqual([kind]);
  });

  test('editing unchanged writes nothing', () => {
    const e = setEditing(viewer, false, now);
    expect([e.writes, e.events]).toEqual([[], []]);
  });

  test('closing deletes the row and says the viewer left', () => {
    const e = closeViewer(viewer, now);
    expect(e.writes).toEqual([expect.objectContaining({ op: 'delete', where: { id: 4 } })]);
    expect(e.events.map((x) => [x.entityId, x.kind])).toEqual([[9, 'left']]);
  });

  test('expiring removes only expired rows, one event per incident', () => {
    const e = expireViewers(
      [
        { id: 1, incidentId: 9, expiresAt: later(-1) },
        { id: 2, incidentId: 9, expiresAt: now },
        { id: 3, incidentId: 8, expiresAt: later(1) },
      ],
      now,
    );
    expect(e.writes.map((w) => (w.op === 'delete' ? w.where : null))).toEqual([
      { id: 1 },
      { id: 2 },
    ]);
    expect(e.events.map((x) => [x.entityId, x.kind])).toEqual([[9, 'left']]);
  });
});

test('collision names each other person once, editing if any tab edits, ignoring expired rows and me', () => {
  const rows = [
    { userId: 1, editing: false, expiresAt: later(5) },
    { userId: 1, editing: true, expiresAt: later(5) },
    { userId: 2, editing: false, expiresAt: later(5) },
    { userId: 3, editing: true, expiresAt: later(-5) },
    { userId: 10, editing: true, expiresAt: later(5) },
  ];
  expect(collisionOf(rows, now, 10)).toEqual([
    { userId: 1, editing: true },
    { userId: 2, editing: false },
  ]);
});
