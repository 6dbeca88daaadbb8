/** A row inserted earlier in the same Effects, named so later effects can point at its id. */
export interface Ref {
  readonly ref: string;
}

/** A stored row's id, or a row inserted by the same commit. */
export type EntityId = number | Ref;

export const ref = (name: string): Ref => ({ ref: name });

export const isRef = (id: EntityId): id is Ref => typeof id === 'object';
