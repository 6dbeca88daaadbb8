'use client';

import { useEffect, useRef, useState } from 'react';
import { changeSentence } from '@handoff/domain';
import { api } from '../../trpc/react';
import { useLive, useLiveEvents, useViewing } from './live-context';

/**
 * The incident page follows the incident (issue 17): it names this page as a viewer to colleagues,
 * says who else has it open or is editing it, and when someone else changes it says who did what
 * ("Cameron Chen assigned it to CPS — now version 3"). The page's queries refetch on their own;
 * forms keep what the agent typed and the version they started from (a stale save is refused).
 */
export function IncidentFollow({ incidentId }: { incidentId: number }) {
  const live = useLive();
  useViewing(incidentId);
  const viewers = api.live.viewers.useQuery({ incidentIds: [incidentId] });
  const [changes, setChanges] = useState<{ id: number; text: string }[]>([]);
  useLiveEvents((e) => {
    if (e.entity !== 'incident' || e.entityId !== incidentId) return;
    if (e.actorId != null && e.actorId === live?.userId) return;
    const text = changeSentence(e.actorName ?? null, e.kind, e.version ?? null);
    setChanges((c) => [...c.slice(-2), { id: e.id, text }]);
  });
  const others = viewers.data ?? [];
  const editing = others.filter((v) => v.editing);
  const watching = others.filter((v) => !v.editing);
  return (
    <>
      {others.length > 0 ? (
        <div className="collision-banner" role="note" aria-label="Others on this incident">
          {editing.length > 0 ? (
            <strong>{editing.map((v) => v.name).join(', ')} editing now. </strong>
          ) : null}
          {watching.length > 0 ? (
            <span>{watching.map((v) => v.name).join(', ')} also viewing.</span>
          ) : null}
        </div>
      ) : null}
      {changes.length > 0 ? (
        <div className="live-changes" role="status" aria-label="Changes by others">
          {changes.map((c) => (
            <p key={c.id}>{c.text}. The page shows it now; what you typed is kept.</p>
          ))}
          <button type="button" onClick={() => setChanges([])}>
            Dismiss
          </button>
        </div>
      ) : null}
    </>
  );
}

/** Tells colleagues this agent is editing the incident (a form open, a note typed) or stopped. */
export function useEditingSignal(incidentId: number, editing: boolean): void {
  // The viewer row may not exist yet (the connection is still opening): a refusal changes nothing.
  const { mutate } = api.live.setEditing.useMutation({ onError: () => undefined });
  const sent = useRef(false);
  useEffect(() => {
    if (editing === sent.current) return;
    sent.current = editing;
    mutate({ incidentId, editing });
  }, [incidentId, editing, mutate]);
}
