import { formatIncidentNumber } from '../incident/schema';

/** Longest search text we accept; longer text gets a message, not a slow query. */
export const maxSearchLength = 500;
/** Most words one search combines (every word must match). */
export const maxSearchWords = 12;

export type ParsedSearch =
  | {
      ok: true;
      /**
       * An FTS5 MATCH expression built only from quoted phrases: the user's text never becomes syntax.
       * Only the last word (the one being typed) is a prefix, and only from two letters on.
       */
      match: string;
      /** The same words all matched whole (`match` without its prefix star): what a search tries first. */
      whole: string;
      /** The words as searched (lower-cased letters and digits), for display. */
      terms: string[];
      /** When the whole text reads as an incident number (INC-000123, inc123, 123): that number. */
      incidentNumber: string | null;
    }
  | { ok: false; message: string };

const wordChars = /[\p{L}\p{N}]+/gu;

/**
 * Turns what a person typed into a safe FTS5 query. Each whitespace-separated word becomes a quoted
 * phrase of its letter/digit runs (`j.smith@wisc` → `"j smith wisc"`), and all words must match. The
 * last word also matches words it begins (`"canv"*`): that is the word still being typed. Earlier words
 * are whole words, because a prefix costs FTS5 the doclist of every word it begins (a common prefix at
 * a million incidents: tens of milliseconds) and a finished word needs none; a one-letter last word is
 * whole too (no prefix index holds one letter, and "p"* matches half the index). Quotes, `*`, `-`, `:`,
 * parentheses and the words NEAR / OR / AND / NOT therefore match as text (or are dropped as
 * punctuation), never as operators.
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
  let lastRun = '';
  for (const word of trimmed.split(/\s+/u)) {
    const runs = (word.toLowerCase().match(wordChars) ?? []) as string[];
    if (runs.length === 0) continue;
    phrases.push(`"${runs.join(' ')}"`);
    terms.push(runs.join(' '));
    lastRun = runs[runs.length - 1]!;
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
  const whole = phrases.join(' ');
  return {
    ok: true,
    match: [...lastRun].length >= 2 ? `${whole}*` : whole,
    whole,
    terms,
    incidentNumber: number ? formatIncidentNumber(Number(number[1])) : null,
  };
}
