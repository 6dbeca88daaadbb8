// The one value every mutating domain function returns: what to write, what to say, whom to tell.
// The db commit module applies it in one transaction; nothing here does I/O.
import { type OutboxDraft } from '../outbox';
import {
  type AuditEntity,
  type AuditOf,
  type EntityName,
  type InsertOf,
  type JournalEntity,
  type JournalOf,
  type RowOf,
} from './entities';
import { type ChangeEventDraft } from './event';
import { type NotificationDraft, type Presence } from './notification';
import { type EntityId, type Ref } from './ref';

/** Insert values where any id field may name a row inserted earlier in the same Effects. */
export type WithRefs<T> = { [K in keyof T]: T[K] | (number extends T[K] ? Ref : never) };

/** A new row; `ref` names it so later effects (journal, outbox, events) can use its id. */
export interface RowInsert<E extends EntityName = EntityName> {
  op: 'insert';
  entity: E;
  values: WithRefs<InsertOf<E>>;
  ref?: string;
}

/**
 * A conditional update: `UPDATE … SET … WHERE id = ? [AND version = ?] [AND field = ? / IS NULL …]`.
 * A miss is CONFLICT (with the row's current version), never an overwrite.
 */
export interface RowUpdate<E extends EntityName = EntityName> {
  op: 'update';
  entity: E;
  id: EntityId;
  set: Partial<RowOf<E>>;
  /** The version the decision was made on; the write misses if the row has moved on. */
  expectedVersion?: number;
  /** Fields that must still hold these values (null = IS NULL), e.g. "no owner yet" for a first claim. */
  still?: Partial<RowOf<E>>;
  /** The CONFLICT message on a miss; the default says someone else changed it and gives the version. */
  conflict?: string;
}

/** Deletes the rows matching every field of `where`; `expectRows` set = any other count is CONFLICT. */
export interface RowDelete<E extends EntityName = EntityName> {
  op: 'delete';
  entity: E;
  where: Partial<RowOf<E>>;
  expectRows?: number;
  conflict?: string;
}

export type RowWrite = {
  [E in EntityName]: RowInsert<E> | RowUpdate<E> | RowDelete<E>;
}[EntityName];

export type JournalWrite = {
  [E in JournalEntity]: { entity: E; id: EntityId; entry: JournalOf<E> };
}[JournalEntity];

export type AuditWrite = {
  [E in AuditEntity]: { entity: E; id: EntityId; entry: AuditOf<E> };
}[AuditEntity];

export interface NotificationWrite {
  incidentId: EntityId;
  draft: NotificationDraft;
}

/** An e-mail for the outbox; `incidentId` may point at an incident inserted by the same commit. */
export type OutboxWrite = Omit<OutboxDraft, 'incidentId'> & { incidentId: EntityId | null };

export interface PresenceWrite {
  userId: number;
  presence: Presence;
}

/**
 * Everything one decision changes, applied all-or-nothing in this order: row writes (in order),
 * journal, audit, notifications, presence, outbox, then the change events. `at` stamps the rows the
 * kernel creates (notifications, outbox, presence, change events).
 */
export interface Effects {
  at: string;
  writes: RowWrite[];
  journal: JournalWrite[];
  audit: AuditWrite[];
  notifications: NotificationWrite[];
  presence: PresenceWrite[];
  outbox: OutboxWrite[];
  events: ChangeEventDraft[];
}

/** Effects with every list defaulted to empty. */
export const effects = (at: string, parts: Partial<Omit<Effects, 'at'>> = {}): Effects => ({
  at,
  writes: parts.writes ?? [],
  journal: parts.journal ?? [],
  audit: parts.audit ?? [],
  notifications: parts.notifications ?? [],
  presence: parts.presence ?? [],
  outbox: parts.outbox ?? [],
  events: parts.events ?? [],
});

/** Several decisions' effects as one (applied in the order given); `at` is the first one's. */
export function mergeEffects(first: Effects, ...rest: Partial<Omit<Effects, 'at'>>[]): Effects {
  const out = effects(first.at, first);
  for (const r of rest) {
    out.writes.push(...(r.writes ?? []));
    out.journal.push(...(r.journal ?? []));
    out.audit.push(...(r.audit ?? []));
    out.notifications.push(...(r.notifications ?? []));
    out.presence.push(...(r.presence ?? []));
    out.outbox.push(...(r.outbox ?? []));
    out.events.push(...(r.events ?? []));
  }
  return out;
}

export const insertRow = <E extends EntityName>(
  entity: E,
  values: WithRefs<InsertOf<E>>,
  ref?: string,
): RowInsert<E> => ({ op: 'insert', entity, values, ...(ref === undefined ? {} : { ref }) });

export const updateRow = <E extends EntityName>(
  entity: E,
  id: EntityId,
  set: Partial<RowOf<E>>,
  when: Pick<RowUpdate<E>, 'expectedVersion' | 'still' | 'conflict'> = {},
): RowUpdate<E> => ({ op: 'update', entity, id, set, ...when });

export const deleteRows = <E extends EntityName>(
  entity: E,
  where: Partial<RowOf<E>>,
  when: Pick<RowDelete<E>, 'expectRows' | 'conflict'> = {},
): RowDelete<E> => ({ op: 'delete', entity, where, ...when });

/** Outbox drafts of one incident, pointed at an id or at an incident inserted by the same commit. */
export const mailFor = (incidentId: EntityId, drafts: readonly OutboxDraft[]): OutboxWrite[] =>
  drafts.map((d) => ({ ...d, incidentId }));
