export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

/**
 * The header's connection state. "Live" means the stream has told this page its position (its
 * `ready` message), not merely that the connection opened: until then the page has no event id
 * to resume from, so a server that dies in between would leave it starting from "now" after the
 * reconnect and missing what changed meanwhile. (On PostgreSQL the position comes a little after
 * the connection opens: the session, the feed's LISTEN and the catch-up read are awaited.)
 */
export function connectionState(input: {
  online: boolean;
  /** The subscription's status (tRPC's useSubscription). */
  status: 'idle' | 'connecting' | 'pending' | 'error';
  /** This connection has delivered its `ready` message. */
  ready: boolean;
  /** Some connection of this page delivered a message before. */
  connectedOnce: boolean;
}): ConnectionState {
  if (!input.online || input.status === 'error') return 'offline';
  if (input.status === 'pending' && input.ready) return 'live';
  return input.connectedOnce ? 'reconnecting' : 'connecting';
}
