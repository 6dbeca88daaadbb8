'use client';

import { useLive, type ConnectionState } from './live-context';

const labels: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

const time = (iso: string) =>
  new Date(iso).toLocaleTimeString('en-US', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

/** The header's live / reconnecting / offline indicator, with the time of the last update. */
export function ConnectionIndicator() {
  const live = useLive();
  if (!live) return null;
  return (
    <span
      className={`live-indicator live-${live.state}`}
      role="status"
      aria-label={`Live updates: ${labels[live.state]}`}
      data-state={live.state}
      title={live.lastUpdate ? `Last update ${time(live.lastUpdate)}` : undefined}
    >
      <span className="live-dot" aria-hidden="true" /> {labels[live.state]}
      {live.lastUpdate ? <span className="muted"> · {time(live.lastUpdate)}</span> : null}
    </span>
  );
}
