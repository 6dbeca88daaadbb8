// The delivery worker's and the Mail page's writes to the outbox as domain decisions: each is a
// conditional update (the message must still be as the decision saw it) and each change of status
// is announced (entity `outbox`), so the Mail page shows it live.
import { effects, updateRow, type Effects } from '../change/effects';
import { type ChangeEventDraft } from '../change/event';
import { DomainError } from '../errors';
import { afterFailedAttempt, leaseUntil, type DeliveryError } from './delivery';
import { type OutboxRow } from './outbox-entity';

/** What a delivery decision needs of a message, as loaded inside the commit. */
export type OutboxState = Pick<OutboxRow, 'id' | 'status' | 'attempts' | 'nextAttemptAt'>;

/** The refusal a worker reads as "someone else has it": skip the message. */
export const notClaimable = (id: number) =>
  new DomainError(
    'CONFLICT',
    `Message #${id} is not due any more: another worker took it or it was sent.`,
  );

const outboxEvent = (id: number, kind: string, actorId: number | null): ChangeEventDraft => ({
  entity: 'outbox',
  entityId: id,
  kind,
  teamIds: [],
  userIds: [],
  actorId,
});

/** "Our attempt is still the latest": a pending message with the attempt count it had. */
const stillOurs = (m: Pick<OutboxState, 'attempts'>) =>
  ({ status: 'pending', attempts: m.attempts }) as const;

/**
 * Takes a due message for one attempt: counts it and moves the next attempt to the end of a lease,
 * on condition that it is still unclaimed (pending, the same attempts and next attempt as read), so
 * a second worker cannot take it too. Not due, gone or taken = `notClaimable` (CONFLICT). No
 * event: its status does not change until the attempt's outcome.
 */
export function claimForDelivery(message: OutboxState | undefined, id: number, now: string) {
  if (
    !message ||
    message.status !== 'pending' ||
    message.nextAttemptAt === null ||
    message.nextAttemptAt > now
  )
    throw notClaimable(id);
  return effects(now, {
    writes: [
      updateRow(
        'outbox',
        id,
        { attempts: message.attempts + 1, nextAttemptAt: leaseUntil(now) },
        {
          still: { ...stillOurs(message), nextAttemptAt: message.nextAttemptAt },
          conflict: notClaimable(id).message,
        },
      ),
    ],
  });
}

/**
 * The outcome of a claimed attempt: sent, or the next attempt per the backoff policy, or failed
 * with the last error. Conditional on the attempt still being the latest (a lease that ran out and
 * a newer claim win); announced as `sent`, `retry` or `failed`.
 */
export function recordAttempt(
  claimed: Pick<OutboxRow, 'id' | 'attempts'>,
  outcome: { sent: true } | { error: DeliveryError },
  now: string,
): Effects {
  const set =
    'sent' in outcome
      ? { status: 'sent' as const, sentAt: now, nextAttemptAt: null, lastError: null }
      : afterFailedAttempt({ attempts: claimed.attempts, now, error: outcome.error });
  const kind = set.status === 'pending' ? 'retry' : set.status;
  return effects(now, {
    writes: [
      updateRow('outbox', claimed.id, set, {
        still: stillOurs(claimed),
        conflict: `Message #${claimed.id} was claimed again meanwhile; its newer attempt decides.`,
      }),
    ],
    events: [outboxEvent(claimed.id, kind, null)],
  });
}

/** With no SMTP server configured, each pending message is held for the admin to see. */
export function holdPendingMail(pending: readonly Pick<OutboxState, 'id'>[], now: string) {
  return effects(now, {
    writes: pending.map((m) =>
      updateRow(
        'outbox',
        m.id,
        { status: 'held', nextAttemptAt: null },
        { still: { status: 'pending' } },
      ),
    ),
    events: pending.map((m) => outboxEvent(m.id, 'held', null)),
  });
}

/** An admin sends a held or failed message again, from a fresh count of attempts (same Message-ID). */
export function requeueMail(
  message: Pick<OutboxState, 'id' | 'status'> | undefined,
  id: number,
  actorId: number,
  now: string,
): Effects {
  if (!message) throw new DomainError('NOT_FOUND', `No message #${id}.`);
  if (message.status !== 'held' && message.status !== 'failed')
    throw new DomainError(
      'INVALID_TRANSITION',
      `Message #${id} is ${message.status}; only held or failed messages can be sent again.`,
    );
  return effects(now, {
    writes: [
      updateRow(
        'outbox',
        id,
        { status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null },
        { still: { status: message.status } },
      ),
    ],
    events: [outboxEvent(id, 'requeued', actorId)],
  });
}
