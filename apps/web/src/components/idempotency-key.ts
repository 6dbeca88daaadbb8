import { useRef } from 'react';

/** A v4 UUID; `crypto.getRandomValues` works over plain http too, where `randomUUID` does not. */
export function uuid(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)) {
  const b = random(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The idempotency key of a form's submissions (issue 13 item 10): submitting the same values again
 * (a retry after a lost answer) sends the same key, so the server creates nothing twice; changed
 * values are a new submission with a new key.
 */
export function idempotencyKeeper(next: () => string = uuid) {
  let last: { values: string; key: string } | null = null;
  return <T extends object>(values: T): T & { idempotencyKey: string } => {
    const json = JSON.stringify(values);
    if (last?.values !== json) last = { values: json, key: next() };
    return { ...values, idempotencyKey: last.key };
  };
}

/** The keeper of one form, kept across renders. */
export function useIdempotencyKey() {
  const keeper = useRef<ReturnType<typeof idempotencyKeeper> | null>(null);
  keeper.current ??= idempotencyKeeper();
  return keeper.current;
}
