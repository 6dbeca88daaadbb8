'use client';

import Link from 'next/link';
import { useState } from 'react';
import { changeSentence } from '@handoff/domain';
import { type LiveEvent } from '../../server/live/stream';
import { useLive, useLiveEvents } from './live-context';

interface Toast {
  key: number;
  number: string;
  text: string;
}

/**
 * Toasts for changes someone else made to incidents the agent owns or created (the change names
 * them among its people), e.g. "INC-000123: Cameron Chen assigned it to CPS — now version 3".
 */
export function LiveToasts() {
  const live = useLive();
  const [toasts, setToasts] = useState<Toast[]>([]);
  useLiveEvents((e: LiveEvent) => {
    const me = live?.userId;
    if (me == null || e.entity !== 'incident' || !e.number) return;
    if (e.actorId === me || !e.userIds?.includes(me)) return;
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
