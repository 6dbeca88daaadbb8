// Outbound delivery policy: at-least-once with exponential backoff, then `failed` with the last error.

/** Minutes to wait after the 1st, 2nd, 3rd and 4th failed attempt; the 5th failure is final. */
export const retryDelaysMinutes = [1, 5, 30, 120] as const;
export const maxDeliveryAttempts = retryDelaysMinutes.length + 1;

/**
 * A worker claims a message before sending it by moving its next attempt this far ahead: a second
 * worker skips it, and if the sender dies mid-send the message is tried again (same Message-ID).
 */
export const deliveryLeaseMinutes = 10;

export interface DeliveryError {
  message: string;
  /** The SMTP reply code, when the server gave one. */
  responseCode?: number;
}

/** 5xx replies are permanent (RFC 5321 §4.2.1): trying again cannot succeed. */
export const isPermanentFailure = (e: DeliveryError): boolean =>
  typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;

const addMinutes = (at: string, minutes: number) =>
  new Date(Date.parse(at) + minutes * 60_000).toISOString();

/** When a message is claimed for an attempt: it holds the message until the lease runs out. */
export const leaseUntil = (now: string): string => addMinutes(now, deliveryLeaseMinutes);

/** What happens to a message after its `attempts`-th attempt failed with `error`. */
export function afterFailedAttempt({
  attempts,
  now,
  error,
}: {
  attempts: number;
  now: string;
  error: DeliveryError;
}):
  | { status: 'pending'; nextAttemptAt: string; lastError: string }
  | { status: 'failed'; nextAttemptAt: null; lastError: string } {
  const lastError =
    error.message.trim() || `SMTP error ${error.responseCode ?? 'without a message'}`;
  const delay = retryDelaysMinutes[attempts - 1];
  if (isPermanentFailure(error) || delay === undefined)
    return { status: 'failed', nextAttemptAt: null, lastError: lastError.slice(0, 1000) };
  return {
    status: 'pending',
    nextAttemptAt: addMinutes(now, delay),
    lastError: lastError.slice(0, 1000),
  };
}
