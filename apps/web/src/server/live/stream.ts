// One live subscription (issue 17): every change after `afterId` the actor may read, exactly once
// and in commit order, then the new ones as they commit; the consult clock's ticks; and, for an
// incident page, the viewer row that tells colleagues this person has it open.
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  type ChangeEvent,
  closeViewer,
  keepViewer,
  liveEventView,
  mayReceive,
  needsIncidentFacts,
  openViewer,
  viewerHeartbeatMs,
  viewerRef,
} from '@handoff/domain';
import {
  commit,
  changeFeed,
  incidentRepository,
  partnerRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { type LiveHub } from './hub';

/** What a subscriber receives: the change as the actor may see it, with who and what version. */
export type LiveEvent = ReturnType<typeof liveEventView> & {
  /** Staff only: who made the change, by name. */
  actorName?: string | null;
  /** Staff only, incident changes: the incident's number and its version now. */
  number?: string;
  version?: number;
};

export type LiveMessage =
  | { type: 'ready'; at: string }
  | { type: 'change'; event: LiveEvent }
  | { type: 'tick'; at: string };

/** Whether the actor may receive `event` (the read rules of the queries, loaded as needed). */
export async function readable(db: Db, actor: Actor | null, event: ChangeEvent): Promise<boolean> {
  if (!needsIncidentFacts(actor, event)) return mayReceive(actor, event, null);
  const incident = await incidentRepository.findById(db, event.entityId);
  if (!incident) return false;
  const partnerScope = await partnerRepository.findScope(db, incident.id);
  return mayReceive(actor, event, { customerId: incident.customerId, partnerScope });
}

/** The event as the actor is told it: staff get the actor's name and the incident's current version. */
export async function present(db: Db, actor: Actor | null, event: ChangeEvent): Promise<LiveEvent> {
  const view: LiveEvent = liveEventView(actor, event);
  if (actor === null || actor.role === 'customer') return view;
  view.actorName = event.actorId
    ? ((await userRepository.findById(db, event.actorId))?.name ?? null)
    : null;
  if (event.entity === 'incident' || event.entity === 'partnerTicket') {
    const incident = await incidentRepository.findById(db, event.entityId);
    if (incident) Object.assign(view, { number: incident.number, version: incident.version });
  }
  return view;
}

export interface StreamOptions {
  db: Db;
  hub: LiveHub;
  actor: Actor | null;
  /** Resume after this change id (the last one the client saw); null = from now on. */
  afterId: number | null;
  signal: AbortSignal | undefined;
  now: () => string;
  /** The incident page this connection is open on (staff who may read it), or null. */
  viewing?: number | null;
}

/**
 * The subscription's messages. Resume is exact: the hub is listened to (and its feed in place)
 * before the catch-up read, the catch-up reads everything after `afterId`, and any change at or
 * below the last one handed out is dropped, so a change committed during the handover is neither
 * lost nor doubled. Reads are awaited, so it runs on a pg Reader too.
 */
export async function* liveStream(
  options: StreamOptions,
): AsyncGenerator<{ id: number; message: LiveMessage }> {
  const { db, hub, actor, signal, now } = options;
  let last = options.afterId ?? (await changeFeed.findLatestChangeId(db));
  const queue: (ChangeEvent | { tick: string })[] = [];
  let wake: (() => void) | null = null;
  const off = hub.listen((s) => {
    if ('changes' in s) queue.push(...s.changes);
    else queue.push(s);
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  let viewer: Awaited<ReturnType<typeof startViewing>> = null;
  try {
    // The catch-up is read once the hub's feed is in place, so every change is in one or the
    // other; it goes before what the hub handed out meanwhile (doubles are dropped below).
    await hub.ready();
    const caughtUp: ChangeEvent[] = [];
    for (let page = await changeFeed.findChangesSince(db, last); page.length > 0;) {
      caughtUp.push(...page);
      page = await changeFeed.findChangesSince(db, page[page.length - 1]!.id);
    }
    queue.unshift(...caughtUp);
    viewer = options.viewing ? await startViewing(db, actor, options.viewing, now) : null;
    // First the position this stream starts from, so even a client that saw no change yet
    // resumes from here after a reconnect (a server restart) and misses nothing.
    yield { id: last, message: { type: 'ready', at: now() } };
    while (!signal?.aborted) {
      const next = queue.shift();
      if (!next) {
        await new Promise<void>((r) => (wake = r));
        wake = null;
        continue;
      }
      if ('tick' in next) {
        yield { id: last, message: { type: 'tick', at: next.tick } };
        continue;
      }
      if (next.id <= last) continue;
      last = next.id;
      if (await readable(db, actor, next))
        yield { id: last, message: { type: 'change', event: await present(db, actor, next) } };
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    off();
    await viewer?.stop();
  }
}

/**
 * The viewer row of this connection: inserted now, refreshed by the server while the connection
 * lasts (no browser polling), deleted when it ends. Rows of a process that died expire.
 */
async function startViewing(db: Db, actor: Actor | null, incidentId: number, now: () => string) {
  if (!actor || actor.role === 'customer') return null;
  const connectionId = randomUUID();
  const open = async () =>
    (await commit(db, openViewer({ incidentId, actor, connectionId, now: now() }))).ids.get(
      viewerRef,
    )!;
  let id = await open();
  const beat = async () => {
    try {
      await commit(db, keepViewer({ id }, now()));
    } catch {
      // Swept while we were away (the event loop stalled past the expiry): open again.
      id = await open();
    }
  };
  const timer = setInterval(() => {
    beat().catch((e: unknown) => console.error('[live] viewer heartbeat failed', e));
  }, viewerHeartbeatMs);
  timer.unref?.();
  return {
    stop: async () => {
      clearInterval(timer);
      await commit(db, closeViewer({ id, incidentId, userId: actor.id }, now()));
    },
  };
}
