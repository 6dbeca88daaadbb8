'use client';

import Link from 'next/link';
import { useState } from 'react';
import { changeSentence } from '@handoff/domain';
import { type LiveEvent } from '../../server/live/stream';
import { useFollowing } from './follow-button';
import { useLive, useLiveEvents } from './live-context';

interface Toast {
  key: number;
  number: string;
  text: string;
}

/**
 * Toasts for changes someone else made to incidents the agent owns or created (the change names
 * them among its people) or follows, e.g. "INC-000123: Cameron Chen assigned it to CPS — now version 3".
 */
/** `follows`: the viewer may follow incidents (staff), so followed incidents toast too. */
export function LiveToasts({ follows }: { follows: boolean }) {
  const live = useLive();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const followed = useFollowing(follows).data;
  useLiveEvents((e: LiveEvent) => {
    const me = live?.userId;
    if (me == null || e.entity !== 'incident' || !e.number || e.actorId === me) return;
    if (!e.userIds?.includes(me) && !followed?.includes(e.entityId)) return;
    const toast = {
      key: e.id,
      number: e.number,
      text: changeSentence(e.actorName ?? null, e.kind, e.version ?? null),
    };
    setToasts((t) => [...t.slice(-3), toast]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.key !== toast.key)), 8_000);
  });
  if (toasts.length === 0) return null;
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.key} className="toast" role="status">
          <Link href={`/incidents/${t.number}`}>{t.number}</Link>: {t.text}
          <button
            type="button"
            aria-label="Dismiss"
            onClick={() => setToasts((all) => all.filter((x) => x.key !== t.key))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
