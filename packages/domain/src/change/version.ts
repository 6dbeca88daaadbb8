import { DomainError } from '../errors';

/** What the stale-version check needs of any versioned aggregate (incident, problem, outage, ticket…). */
export interface Versioned {
  version: number;
  /** How people name it, e.g. INC-000123 or PRB-000004. */
  number: string;
}

/** The CONFLICT message of a write made against a version the user no longer sees. */
export const staleMessage = (subject: Versioned, expected: number) =>
  `${subject.number} was changed by someone else since you opened it (you saw version ${expected}, it is now ${subject.version}). Reload to see their change; nothing of yours was saved.`;

/** Refuses a write made against a version the user no longer sees (optimistic concurrency). */
export function assertCurrentVersion(subject: Versioned, expected: number): void {
  if (subject.version !== expected)
    throw new DomainError('CONFLICT', staleMessage(subject, expected));
}
