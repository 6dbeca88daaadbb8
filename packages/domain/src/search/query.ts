import { formatIncidentNumber } from '../incident/schema';

/** Longest search text we accept; longer text gets a message, not a slow query. */
export const maxSearchLength = 500;
/** Most words one search combines (every word must match). */
export const maxSearchWords = 12;

export type ParsedSearch =
  | {
      ok: true;
      /** An FTS5 MATCH expression built only from quoted phrases: the user's text never becomes syntax. */
      match: string;
      /** The words as searched (lower-cased letters and digits), for display. */
      terms: string[];
      /** When the whole text reads as an incident number (INC-000123, inc123, 123): that number. */
      incidentNumber: string | null;
    }
  | { ok: false; message: string };

const wordChars = /[\p{L}\p{N}]+/gu;

/**
 * Turns what a person typed into a safe FTS5 query. Each whitespace-separated word becomes a quoted
 * phrase of its letter/digit runs with a prefix star on the last one (`j.smith@wisc` → `"j smith wisc"*`),
 * and all words must match. Quotes, `*`, `-`, `:`, parentheses and the words NEAR / OR / AND / NOT
 * therefore match as text (or are dropped as punctuation), never as operators.
 */
export function parseSearchQuery(text: string): ParsedSearch {
  const trimmed = text.normalize('NFKC').trim();
  if (trimmed.length > maxSearchLength)
    return {
      ok: false,
      message: `A search is at most ${maxSearchLength} characters; this one has ${trimmed.length.toLocaleString('en-US')}. Shorten it to the words that matter.`,
    };
  const phrases: string[] = [];
  const terms: string[] = [];
  for (const word of trimmed.split(/\s+/u)) {
    const runs = (word.toLowerCase().match(wordChars) ?? []) as string[];
    if (runs.length === 0) continue;
    phrases.push(`"${runs.join(' ')}"*`);
    terms.push(runs.join(' '));
  }
  if (phrases.length === 0)
    return {
      ok: false,
      message: 'Type a name, a word, a phone number or an incident number to search for.',
    };
  if (phrases.length > maxSearchWords)
    return {
      ok: false,
      message: `A search combines at most ${maxSearchWords} words; this one has ${phrases.length}.`,
    };
  const number = /^(?:inc[-\s]?)?0*(\d{1,9})$/iu.exec(trimmed);
  return {
    ok: true,
    match: phrases.join(' '),
    terms,
    incidentNumber: number ? formatIncidentNumber(Number(number[1])) : null,
  };
}
