// Test helpers for live subscriptions: a subscriber collecting what the real procedure yields.
import { type Actor } from '@handoff/domain';
import { type Db, userRepository } from '@handoff/db';
import { createCaller } from '../root';
import { type LiveMessage } from './stream';

export interface Received {
  id: string;
  message: LiveMessage;
}

/** Subscribes as `actor` (null = signed out) and collects every message until `stop()`. */
export function subscriber(
  db: Db,
  actor: Actor | null,
  input: { lastEventId?: string | null; viewing?: number | null } = {},
  now: () => string = () => new Date().toISOString(),
) {
  const abort = new AbortController();
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  let failure: unknown = null;
  const caller = createCaller({ db, actor, now }, { signal: abort.signal });
  const done = (async () => {
    const iterable = await caller.live.changes(input);
    for await (const value of iterable) {
      const [id, message] = value as unknown as [string, LiveMessage];
      received.push({ id, message });
      for (const w of waiters.splice(0)) w();
    }
  })().catch((e: unknown) => {
    failure = e;
  });
  const changes = () =>
    received.flatMap((r) => (r.message.type === 'change' ? [r.message.event] : []));
  return {
    received,
    changes,
    /** Why the subscription ended with an error, if it did. */
    failure: () => failure,
    /** Resolves once `count` changes arrived (or rejects after `ms`). */
    async untilChanges(count: number, ms = 5_000) {
      const deadline = Date.now() + ms;
      while (changes().length < count) {
        if (failure) throw failure instanceof Error ? failure : new Error(JSON.stringify(failure));
        if (Date.now() > deadline)
          throw new Error(`Expected ${count} changes, got ${JSON.stringify(changes())}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
      return changes();
    },
    /** Lets pending wake-ups run, so "nothing arrived" is a real observation. */
    settle: () => new Promise((r) => setTimeout(r, 100)),
    async stop() {
      abort.abort();
      await done;
    },
  };
}

export const actorOf = async (db: Db, userId: number): Promise<Actor> =>
  (await userRepository.findActorById(db, userId))!;
