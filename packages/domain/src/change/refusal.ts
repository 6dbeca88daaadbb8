// The one refusal shape: why a change may not happen, with the error code a run would throw.
import { DomainError, type DomainErrorCode } from '../errors';

/** Why a change may not be made, with the error code it is refused with. */
export interface Refusal {
  code: DomainErrorCode;
  message: string;
}

/** A guard answers null (go ahead) or the refusal. */
export type Guard<Ctx> = (ctx: Ctx) => Refusal | null;

/** Field name → message, as DomainError VALIDATION carries them. */
export type FieldErrors = Record<string, string>;

/** An INVALID_TRANSITION refusal. */
export const invalid = (message: string): Refusal => ({ code: 'INVALID_TRANSITION', message });

/** A FORBIDDEN refusal. */
export const forbidden = (message: string): Refusal => ({ code: 'FORBIDDEN', message });

/** Throws the refusal as a DomainError. */
export const raise = (r: Refusal): never => {
  throw new DomainError(r.code, r.message);
};

/** The first refusal of the guards, in order, or null when none refuses. */
export function firstRefusal<Ctx>(ctx: Ctx, guards: readonly Guard<Ctx>[]): Refusal | null {
  for (const guard of guards) {
    const refusal = guard(ctx);
    if (refusal) return refusal;
  }
  return null;
}

/** Throws the first refusal of the guards, if any. */
export function assertAllowed<Ctx>(ctx: Ctx, guards: readonly Guard<Ctx>[]): void {
  const refusal = firstRefusal(ctx, guards);
  if (refusal) raise(refusal);
}

/** Throws one VALIDATION error carrying every field message, when there are any. */
export function assertNoFieldErrors(fields: FieldErrors): void {
  const messages = Object.values(fields);
  if (messages.length > 0) throw new DomainError('VALIDATION', messages.join(' '), fields);
}
