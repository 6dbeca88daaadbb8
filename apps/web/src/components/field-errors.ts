import { type z } from 'zod';

export type FieldErrors = Record<string, string>;

/** First message per field from a zod error, for showing at the field. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

/** Field messages the server sent back (same zod schema, or a domain VALIDATION error). */
export function serverFieldErrors(err: unknown): FieldErrors {
  const fields = (
    err as { data?: { fieldErrors?: Record<string, string[] | string | undefined> | null } }
  ).data?.fieldErrors;
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields ?? {})) {
    const msg = Array.isArray(v) ? v[0] : v;
    if (msg) out[k] = msg;
  }
  return out;
}
