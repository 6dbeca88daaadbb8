import { createHash } from 'node:crypto';
import { type Actor, type IdempotentOperation, type IdempotentRequest } from '@handoff/domain';

/**
 * The keyed request of a create (issue 13 item 10), or null when the client sent no key. The
 * fingerprint is a SHA-256 of the parsed input without its key, so a retry must say the same.
 */
export function idempotentRequest(
  actor: Actor,
  operation: IdempotentOperation,
  input: { idempotencyKey?: string | undefined },
): IdempotentRequest | null {
  const { idempotencyKey, ...payload } = input;
  if (!idempotencyKey) return null;
  const fingerprint = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
  return { actorId: actor.id, operation, key: idempotencyKey.toLowerCase(), fingerprint };
}
