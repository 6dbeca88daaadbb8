/** The closed list of domain error codes; the web layer maps each to one tRPC code. */
export const domainErrorCodes = [
  'NOT_FOUND',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'VALIDATION',
  'CONFLICT',
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

/** The one application error type: a code the client branches on and a message a person reads. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Field-level messages for VALIDATION errors, keyed by field name. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
