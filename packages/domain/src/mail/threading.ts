// Threading of an incident's mail (RFC 5322 §3.6.4): every message carries In-Reply-To and
// References to the messages before it, and a subject tag, so replies find their incident.
import { incidentNumberSchema } from '../incident/schema';

export const subjectTag = (number: string): string => `[${number}]`;

/** `[INC-000123] subject`; a subject already carrying the tag is left alone. */
export function tagSubject(subject: string, number: string): string {
  const tag = subjectTag(number);
  return subject.includes(tag) ? subject : `${tag} ${subject}`;
}

const tagPattern = /\[\s*(INC-\d{6,})\s*\]/i;

/** The incident number of a subject tag such as `Re: [INC-000123] ...`, or null. */
export function incidentNumberFromSubject(subject: string | null | undefined): string | null {
  const match = tagPattern.exec(subject ?? '');
  const number = match?.[1]?.toUpperCase();
  return number && incidentNumberSchema.safeParse(number).success ? number : null;
}

/** Message-IDs in a header value (`<a@b> <c@d>`), in order, without duplicates. */
export function parseMessageIds(value: string | readonly string[] | null | undefined): string[] {
  const text = Array.isArray(value)
    ? value.join(' ')
    : ((value as string | null | undefined) ?? '');
  const ids = text.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(ids)];
}

/** How many ancestors References keeps: the thread's root plus the most recent ones. */
export const referencesKept = 10;

/**
 * The threading headers of a new message in a thread (its earlier Message-IDs, oldest first):
 * In-Reply-To the latest, References the root and the latest ones.
 */
export function threadHeaders(thread: readonly string[]): {
  inReplyTo: string | null;
  references: string | null;
} {
  const ids = [...new Set(thread)];
  const last = ids[ids.length - 1];
  if (last === undefined) return { inReplyTo: null, references: null };
  const kept =
    ids.length <= referencesKept ? ids : [ids[0]!, ...ids.slice(ids.length - (referencesKept - 1))];
  return { inReplyTo: last, references: kept.join(' ') };
}
