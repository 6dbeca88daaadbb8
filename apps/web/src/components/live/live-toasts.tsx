'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { changeSentence } from '@handoff/domain';
import { type LiveEvent } from '../../server/live/stream';
import { useFollowing } from './follow-button';
import { useLive, useLiveEvents } from './live-context';
import { toastFor } from './toast-filter';

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
  // Events that arrived while the followed incidents were still loading, decided once they have
  // (the last four at most, as many as the toasts show: a list that never loads holds no more).
  const held = useRef<LiveEvent[]>([]);
  const show = (e: LiveEvent) => {
    const toast = {
      key: e.id,
      number: e.number!,
      text: changeSentence(e.actorName ?? null, e.kind, e.version ?? null),
    };
    setToasts((t) => [...t.slice(-3), toast]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.key !== toast.key)), 8_000);
  };
  const decide = (e: LiveEvent) => {
    const verdict = toastFor(e, { me: live?.userId, follows, followed });
    if (verdict === 'wait') held.current = [...held.current.slice(-3), e];
    else if (verdict === 'toast') show(e);
  };
  useLiveEvents(decide);
  useEffect(() => {
    if (followed === undefined || held.current.length === 0) return;
    const waiting = held.current;
    held.current = [];
    waiting.forEach(decide);
    // decide reads `followed` of this render; this runs when the list has loaded or changed.
  }, [followed]);
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
