/**
 * Every aggregate the commit module can write, by name. The kernel imports no aggregate: each
 * aggregate folder registers itself with module augmentation (see incident/entity.ts), so the
 * folders stay a DAG (aggregate → change, never back):
 *
 *   declare module '../change/entities' {
 *     interface Entities {
 *       incident: { row: Incident; insert: NewIncident; journal: NewJournalEntry; audit: NewAuditEntry };
 *     }
 *   }
 *
 * `row` is the stored row (what an update sets and an insert returns), `insert` what an insert
 * takes; `journal` / `audit` are present only for aggregates that keep a journal / audit trail.
 * The db commit module maps each name to its table (packages/db/src/commit/tables.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by module augmentation
export interface Entities {}

export type EntityName = Extract<keyof Entities, string>;

export type RowOf<E extends EntityName> = Entities[E] extends { row: infer R } ? R : never;
export type InsertOf<E extends EntityName> = Entities[E] extends { insert: infer I } ? I : never;
export type JournalOf<E extends EntityName> = Entities[E] extends { journal: infer J } ? J : never;
export type AuditOf<E extends EntityName> = Entities[E] extends { audit: infer A } ? A : never;

/** Aggregates with a journal / an audit trail. */
export type JournalEntity = {
  [E in EntityName]: Entities[E] extends { journal: unknown } ? E : never;
}[EntityName];
export type AuditEntity = {
  [E in EntityName]: Entities[E] extends { audit: unknown } ? E : never;
}[EntityName];
