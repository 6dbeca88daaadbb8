'use client';

import { api } from '../../trpc/react';

/**
 * Who else has the queue's incidents open now, for a marker on their rows; one query for the whole
 * list, refetched when someone opens, edits or leaves an incident (incidentViewer changes).
 */
export function useViewerMarkers(): Map<number, { name: string; editing: boolean }[]> {
  const q = api.live.viewers.useQuery({});
  const byIncident = new Map<number, { name: string; editing: boolean }[]>();
  for (const v of q.data ?? [])
    byIncident.set(v.incidentId, [...(byIncident.get(v.incidentId) ?? []), v]);
  return byIncident;
}

export function ViewerMarker({ viewers }: { viewers?: { name: string; editing: boolean }[] }) {
  if (!viewers?.length) return null;
  const editing = viewers.some((v) => v.editing);
  const names = viewers.map((v) => `${v.name}${v.editing ? ' (editing)' : ''}`).join(', ');
  return (
    <span
      className={`viewer-marker${editing ? ' editing' : ''}`}
      title={`Open now: ${names}`}
      aria-label={`Open now: ${names}`}
      data-testid="viewer-marker"
    >
      {editing ? '✎' : '👁'} {viewers.map((v) => v.name.split(' ')[0]).join(', ')}
    </span>
  );
}

/** The marker of one row (every row shares the one viewers query). */
export function RowViewerMarker({ incidentId }: { incidentId: number }) {
  return <ViewerMarker viewers={useViewerMarkers().get(incidentId)} />;
}
