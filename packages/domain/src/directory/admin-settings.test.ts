import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { deleteQueueView, saveQueueView } from '../queue/entity';
import { setPresenceEffects } from '../presence/set-presence';
import { recordRoutingAnswers } from '../routing/entity';
import {
  createOncallContactEffects,
  removeOncallContactEffects,
  setSettingEffects,
  setTeamNotifyEffects,
  updateOncallContactEffects,
} from './admin-settings';

const now = '2026-11-24T16:00:00.000Z';
const agent = (teamIds: number[]) => ({
  id: 7,
  name: 'Casey CPS',
  role: 'cps' as const,
  teamIds,
  customerId: null,
});
const contact = { schedule: 'aims' as const, name: 'Ann', phone: '608-555-0100', position: 0 };

describe('small settings writes: their rows and the one event each announces', () => {
  test.each([
    {
      name: 'presence',
      e: setPresenceEffects({ actor: agent([3]), presence: 'ready', now }),
      writes: [],
      event: { entity: 'user', entityId: 7, kind: 'presence', teamIds: [3], userIds: [7] },
    },
    {
      name: 'on-call contact created',
      e: createOncallContactEffects(contact, 1, now),
      writes: [{ op: 'insert', entity: 'oncallContact', values: contact, ref: 'oncallContact' }],
      event: { entity: 'oncallContact', entityId: { ref: 'oncallContact' }, kind: 'created' },
    },
    {
      name: 'on-call contact updated',
      e: updateOncallContactEffects({ id: 4 }, { phone: '608-555-0199' }, 1, now),
      writes: [{ op: 'update', entity: 'oncallContact', id: 4, set: { phone: '608-555-0199' } }],
      event: { entity: 'oncallContact', entityId: 4, kind: 'updated' },
    },
    {
      name: 'on-call contact removed',
      e: removeOncallContactEffects({ id: 4 }, 1, now),
      writes: [{ op: 'delete', entity: 'oncallContact', where: { id: 4 }, expectRows: 1 }],
      event: { entity: 'oncallContact', entityId: 4, kind: 'removed' },
    },
    {
      name: 'team e-mail setting',
      e: setTeamNotifyEffects({ id: 5 }, 'nobody', 1, now),
      writes: [{ op: 'update', entity: 'team', id: 5, set: { notify: 'nobody' } }],
      event: { entity: 'team', entityId: 5, kind: 'notify', teamIds: [5] },
    },
    {
      name: 'stored setting (replaced by key)',
      e: setSettingEffects('alerts.x', { n: 1 }, 1, now),
      writes: [
        { op: 'delete', entity: 'setting', where: { key: 'alerts.x' } },
        { op: 'insert', entity: 'setting', values: { key: 'alerts.x', value: { n: 1 } } },
      ],
      event: { entity: 'setting', entityId: 0, kind: 'alerts.x' },
    },
    {
      name: 'queue view saved (replaced by name)',
      e: saveQueueView({ userId: 2, name: 'Mine', settings: {}, now }),
      writes: [
        { op: 'delete', entity: 'queueView', where: { userId: 2, name: 'Mine' } },
        { op: 'insert', entity: 'queueView', values: { userId: 2, name: 'Mine' } },
      ],
      event: { entity: 'queueView', kind: 'saved', userIds: [2] },
    },
    {
      name: 'routing answers forgotten by {}',
      e: recordRoutingAnswers({
        incident: { id: 9, ownerTeamId: 3 },
        answers: {},
        actorId: 2,
        now,
      }),
      writes: [{ op: 'delete', entity: 'routingAnswers', where: { incidentId: 9 } }],
      event: { entity: 'routingAnswers', entityId: 9, kind: 'cleared', teamIds: [3] },
    },
  ])('$name', ({ e, writes, event }) => {
    expect(e.writes).toMatchObject(writes);
    expect(e.writes).toHaveLength(writes.length);
    expect(e.events).toMatchObject([event]);
    expect(e.events).toHaveLength(1);
  });

  test('presence is written through the presence effect, stamped by the commit', () => {
    expect(setPresenceEffects({ actor: agent([]), presence: 'busy', now }).presence).toEqual([
      { userId: 7, presence: 'busy' },
    ]);
  });

  test.each([
    ['an on-call contact that is gone', () => updateOncallContactEffects(undefined, {}, 1, now)],
    ['removing a contact that is gone', () => removeOncallContactEffects(undefined, 1, now)],
    ['a team that is gone', () => setTeamNotifyEffects(undefined, 'everyone', 1, now)],
    ['no such view', () => deleteQueueView({ userId: 2, view: undefined, now })],
    ["another agent's view", () => deleteQueueView({ userId: 2, view: { id: 1, userId: 3 }, now })],
  ])('%s is NOT_FOUND', (_, run) => {
    expect(run).toThrow(DomainError);
    expect(() => run()).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
