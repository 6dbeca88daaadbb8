// An agent's saved queue views as the commit kernel knows them: saving replaces by name, deleting
// touches only the agent's own view; each write tells the agent's other sessions.
import { deleteRows, effects, insertRow, type Effects } from '../change';
import { DomainError } from '../errors';

export interface QueueViewRow {
  id: number;
  userId: number;
  name: string;
  settings: unknown;
  createdAt: string;
}

declare module '../change/entities' {
  interface Entities {
    queueView: { row: QueueViewRow; insert: Omit<QueueViewRow, 'id'> };
  }
}

export const newQueueViewRef = { ref: 'queueView' } as const;

const viewEvent = (entityId: number | typeof newQueueViewRef, kind: string, userId: number) => ({
  entity: 'queueView' as const,
  entityId,
  kind,
  actorId: userId,
  teamIds: [],
  userIds: [userId],
});

/** Saves one of the agent's views, replacing the one of the same name. */
export function saveQueueView(v: {
  userId: number;
  name: string;
  settings: unknown;
  now: string;
}): Effects {
  return effects(v.now, {
    writes: [
      deleteRows('queueView', { userId: v.userId, name: v.name }),
      insertRow(
        'queueView',
        { userId: v.userId, name: v.name, settings: v.settings, createdAt: v.now },
        newQueueViewRef.ref,
      ),
    ],
    events: [viewEvent(newQueueViewRef, 'saved', v.userId)],
  });
}

/** Deletes one of the agent's own views (`view` as loaded by id); another's view, or none, is NOT_FOUND. */
export function deleteQueueView(v: {
  userId: number;
  view: Pick<QueueViewRow, 'id' | 'userId'> | undefined;
  now: string;
}): Effects {
  if (v.view?.userId !== v.userId)
    throw new DomainError('NOT_FOUND', 'No saved view of yours with that id.');
  return effects(v.now, {
    writes: [deleteRows('queueView', { userId: v.userId, id: v.view.id }, { expectRows: 1 })],
    events: [viewEvent(v.view.id, 'deleted', v.userId)],
  });
}
