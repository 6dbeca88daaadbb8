// Retried creates (issue 13 item 10): a client sends a UUID with a create and the same one with
// every retry of that submission. The first create stores the key in its own commit; a repeat
// from the same actor finds it and returns the first result, creating nothing.
import '../zod-config';
import { z } from 'zod';
import { DomainError } from '../errors';
import { deleteRows, insertRow, type RowWrite } from '../change/effects';
import { type EntityId } from '../change/ref';

/** How long a key is remembered: a retry after that creates again (and the row is pruned). */
export const idempotencyTtlHours = 24;

/** The creates that take a key. */
export const idempotentOperations = ['incident.create', 'case.create', 'partner.submit'] as const;
export type IdempotentOperation = (typeof idempotentOperations)[number];

/** The optional key on each create's input: a client-generated UUID. */
export const idempotencyKeySchema = z
  .uuid('The retry key (idempotencyKey) must be a UUID')
  .optional();

export interface IdempotencyKeyRow {
  actorId: number;
  operation: string;
  key: string;
  /** A digest of the request without its key: the same key with another payload is refused. */
  fingerprint: string;
  incidentId: number;
  createdAt: string;
  expiresAt: string;
}

declare module '../change/entities' {
  interface Entities {
    idempotencyKey: { row: IdempotencyKeyRow; insert: IdempotencyKeyRow };
  }
}

/** A create that carries a key, as the procedure sees it. */
export interface IdempotentRequest {
  actorId: number;
  operation: IdempotentOperation;
  key: string;
  fingerprint: string;
}

export type StoredKey = Pick<IdempotencyKeyRow, 'fingerprint' | 'incidentId' | 'expiresAt'>;

/**
 * Decides a keyed create: `replay` = the incident an earlier create with this key made (return it,
 * create nothing); else the writes that remember the new incident in the same commit (no key yet,
 * or it expired). The same key with another payload is refused.
 */
export function decideIdempotent(
  request: IdempotentRequest,
  stored: StoredKey | undefined,
  now: string,
): { replay: number } | { remember: (incidentId: EntityId) => RowWrite[] } {
  if (stored && stored.expiresAt > now) {
    if (stored.fingerprint !== request.fingerprint)
      throw new DomainError(
        'VALIDATION',
        'This retry key was already used for a different request. Reload the form and submit it again.',
      );
    return { replay: stored.incidentId };
  }
  const expiresAt = new Date(Date.parse(now) + idempotencyTtlHours * 3_600_000).toISOString();
  const { actorId, operation, key } = request;
  return {
    remember: (incidentId) => [
      // An expired key of the same name goes first, so the primary key takes the new one.
      ...(stored
        ? [deleteRows('idempotencyKey', { actorId, operation, key }, { expectRows: 1 })]
        : []),
      insertRow('idempotencyKey', { ...request, incidentId, createdAt: now, expiresAt }),
    ],
  };
}
