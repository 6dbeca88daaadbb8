'use client';

// The page's one live connection (issue 17): a tRPC subscription over Server-Sent Events that
// refetches what a change made stale, tells components about changes (the incident page, toasts),
// names the incident the page has open (collision warnings) and reports its state for the header.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { type LiveEvent, type LiveMessage } from '../../server/live/stream';
import { api } from '../../trpc/react';
import { connectionState, type ConnectionState } from './connection-state';
import { routersFor, type RouterKey } from './invalidation';

export type { ConnectionState };

type Listener = (event: LiveEvent) => void;

interface LiveValue {
  state: ConnectionState;
  /** When the last change (or the connection itself) arrived, ISO. */
  lastUpdate: string | null;
  /** The signed-in user's id (null when nobody is): toasts skip one's own changes. */
  userId: number | null;
  listen: (listener: Listener) => () => void;
  /** The incident page this tab has open (null = none). */
  setViewing: (incidentId: number | null) => void;
}

const LiveContext = createContext<LiveValue | null>(null);

export function useLive(): LiveValue | null {
  return useContext(LiveContext);
}

/** Calls `listener` with every change this page receives (the latest listener each time). */
export function useLiveEvents(listener: Listener): void {
  const live = useLive();
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  const listen = live?.listen;
  useEffect(() => listen?.((e) => ref.current(e)), [listen]);
}

/** Names this tab as a viewer of `incidentId` to colleagues while the page is open. */
export function useViewing(incidentId: number | null): void {
  const setViewing = useLive()?.setViewing;
  useEffect(() => {
    if (!setViewing || incidentId === null) return;
    setViewing(incidentId);
    return () => setViewing(null);
  }, [setViewing, incidentId]);
}

export function LiveProvider({
  userId = null,
  children,
}: {
  userId?: number | null;
  children: ReactNode;
}) {
  const utils = api.useUtils();
  const [viewing, setViewing] = useState<number | null>(null);
  const [lastUpdate, setLastUpdate] = useState<string | null>(null);
  const [online, setOnline] = useState(true);
  // This connection has sent its position (its `ready`): only then is the page live.
  const [ready, setReady] = useState(false);
  const connectedOnce = useRef(false);
  const lastEventId = useRef<string | null>(null);
  const listeners = useRef(new Set<Listener>());
  const pending = useRef(new Set<RouterKey>());
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Coalesce a burst of changes into one refetch per router.
  const invalidate = useCallback(
    (keys: RouterKey[]) => {
      for (const k of keys) pending.current.add(k);
      if (flushTimer.current) return;
      flushTimer.current = setTimeout(() => {
        flushTimer.current = null;
        const keys = [...pending.current];
        pending.current.clear();
        for (const k of keys) void utils[k].invalidate();
      }, 50);
    },
    [utils],
  );

  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);

  // A new input (another incident opened) reconnects from the last event seen: nothing is missed.
  // lastEventId is read when the input changes, not followed (each event would reconnect).
  const input = useMemo(() => ({ lastEventId: lastEventId.current, viewing }), [viewing]);
  const sub = api.live.changes.useSubscription(input, {
    onData: ({ id, data }: { id: string; data: LiveMessage }) => {
      lastEventId.current = id;
      connectedOnce.current = true;
      setReady(true);
      setLastUpdate(new Date().toISOString());
      if (data.type === 'tick') return invalidate(routersFor('tick'));
      if (data.type !== 'change') return;
      invalidate(routersFor(data.event.entity));
      for (const l of listeners.current) l(data.event);
    },
  });

  // A new connection (a reconnect, another input) is not live until it has sent its position.
  useEffect(() => {
    if (sub.status !== 'pending') setReady(false);
  }, [sub.status]);
  const state: ConnectionState = connectionState({
    online,
    status: sub.status,
    ready,
    connectedOnce: connectedOnce.current,
  });

  const listen = useCallback((l: Listener) => {
    listeners.current.add(l);
    return () => void listeners.current.delete(l);
  }, []);
  const value = useMemo<LiveValue>(
    () => ({ state, lastUpdate, userId, listen, setViewing }),
    [state, lastUpdate, userId, listen],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}
