// Collision warnings (issue 17 item 4): who has an incident open and who is editing it. One row per
// open live connection of an incident page; the connection's lifetime drives it (opened when the
// page subscribes, refreshed by the server while it stays, removed when it ends, expired when a
// process died without saying goodbye). Every change announces an `incidentViewer` event.
import { deleteRows, type Effects, effects, insertRow, updateRow } from '../change/effects';
import { type ChangeEventDraft } from '../change/event';
import { type Actor } from '../roles';

export interface IncidentViewerRow {
  id: number;
  incidentId: number;
  userId: number;
  /** One per open page (a person may have the incident open in two tabs). */
  connectionId: string;
  editing: boolean;
  openedAt: string;
  expiresAt: string;
}

declare module '../change/entities' {
  interface Entities {
    incidentViewer: { row: IncidentViewerRow; insert: Omit<IncidentViewerRow, 'id'> };
  }
}

/** A viewer not refreshed for this long is gone (its process died); the server refreshes it well before. */
export const viewerTtlMs = 15_000;
/** How often the server refreshes the rows of the connections it holds open. */
export const viewerHeartbeatMs = 5_000;

const expiry = (now: string) => new Date(Date.parse(now) + viewerTtlMs).toISOString();

const viewerEvent = (
  incidentId: number,
  kind: 'opened' | 'editing' | 'idle' | 'left',
  actorId: number | null,
): ChangeEventDraft => ({
  entity: 'incidentViewer',
  entityId: incidentId,
  kind,
  teamIds: [],
  userIds: [],
  actorId,
});

export const viewerRef = 'incidentViewer';

/** A staff member opened the incident page (only people who read the incident get here). */
export function openViewer(args: {
  incidentId: number;
  actor: Actor;
  connectionId: string;
  now: string;
}): Effects {
  const { incidentId, actor, connectionId, now } = args;
  return effects(now, {
    writes: [
      insertRow(
        'incidentViewer',
        {
          incidentId,
          userId: actor.id,
          connectionId,
          editing: false,
          openedAt: now,
          expiresAt: expiry(now),
        },
        viewerRef,
      ),
    ],
    events: [viewerEvent(incidentId, 'opened', actor.id)],
  });
}

/** The connection is still there: push its expiry on. No event (nothing anyone sees changed). */
export const keepViewer = (viewer: Pick<IncidentViewerRow, 'id'>, now: string): Effects =>
  effects(now, {
    writes: [
      updateRow('incidentViewer', viewer.id, { expiresAt: expiry(now) }, { conflict: 'gone' }),
    ],
  });

/** The viewer started or stopped editing (a form opened, a note typed); unchanged = nothing to write. */
export function setEditing(
  viewer: Pick<IncidentViewerRow, 'id' | 'incidentId' | 'userId' | 'editing'>,
  editing: boolean,
  now: string,
): Effects {
  if (viewer.editing === editing) return effects(now);
  return effects(now, {
    writes: [
      updateRow(
        'incidentViewer',
        viewer.id,
        { editing, expiresAt: expiry(now) },
        { conflict: 'gone' },
      ),
    ],
    events: [viewerEvent(viewer.incidentId, editing ? 'editing' : 'idle', viewer.userId)],
  });
}

/** The connection ended (page closed, navigated away, network gone). */
export const closeViewer = (
  viewer: Pick<IncidentViewerRow, 'id' | 'incidentId' | 'userId'>,
  now: string,
): Effects =>
  effects(now, {
    writes: [deleteRows('incidentViewer', { id: viewer.id })],
    events: [viewerEvent(viewer.incidentId, 'left', viewer.userId)],
  });

/** Rows whose process died: removed, one `left` event per incident. */
export function expireViewers(
  rows: readonly Pick<IncidentViewerRow, 'id' | 'incidentId' | 'expiresAt'>[],
  now: string,
): Effects {
  const gone = rows.filter((r) => Date.parse(r.expiresAt) <= Date.parse(now));
  return effects(now, {
    writes: gone.map((r) => deleteRows('incidentViewer', { id: r.id })),
    events: [...new Set(gone.map((r) => r.incidentId))].map((id) => viewerEvent(id, 'left', null)),
  });
}

/** Whom the page and the queue rows name: one entry per person, editing if any of their tabs is. */
export function collisionOf<T extends Pick<IncidentViewerRow, 'userId' | 'editing' | 'expiresAt'>>(
  rows: readonly T[],
  now: string,
  exceptUserId: number | null,
): { userId: number; editing: boolean }[] {
  const people = new Map<number, boolean>();
  for (const r of rows) {
    if (r.userId === exceptUserId || Date.parse(r.expiresAt) <= Date.parse(now)) continue;
    people.set(r.userId, (people.get(r.userId) ?? false) || r.editing);
  }
  return [...people].map(([userId, editing]) => ({ userId, editing }));
}
