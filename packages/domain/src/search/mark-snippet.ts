import { snippetHitEnd, snippetHitStart } from './snippet';

/** What a snippet marks: the searched words' letter/digit runs, the last run also as a prefix. */
export interface SnippetTerms {
  /** parseSearchQuery's `terms` (each a word's runs joined by spaces). */
  terms: readonly string[];
  /** Whether the last run matches words it begins (parseSearchQuery's `match` ends in a star). */
  prefixLast: boolean;
}

// unicode61's token characters: letters, digits and private-use code points (the rest separates).
const tokenPattern = /[\p{L}\p{N}\p{Co}]+/gu;
// The index's tokenizer (unicode61, remove_diacritics 2) folds case and diacritics; the marks do too.
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** How many of the text's tokens match the terms (0: the text holds none of them). */
export function countHits(text: string, search: SnippetTerms): number {
  const isHit = matcher(search);
  let n = 0;
  for (const m of text.matchAll(tokenPattern)) if (isHit(m[0])) n++;
  return n;
}

/**
 * Whether the texts match the search as the FTS5 MATCH would: every word's runs appear one after the
 * other within one text (one column), the last run of the last word also as a prefix when typed as one.
 * The small-scope search (a partner group's or a customer's few incidents) matches with this instead of
 * walking the index for matches of the whole corpus that are nearly all out of scope.
 */
export function textMatches(texts: readonly (string | null)[], search: SnippetTerms): boolean {
  const tokenized = texts.map((t) => [...(t ?? '').matchAll(tokenPattern)].map((m) => fold(m[0])));
  return search.terms.every((term, w) => {
    const runs = term.split(' ').map(fold);
    const prefix = search.prefixLast && w === search.terms.length - 1;
    return tokenized.some((tokens) => {
      for (let i = 0; i + runs.length <= tokens.length; i++) {
        const at = (j: number) => tokens[i + j]!;
        const ok = runs.every((r, j) =>
          prefix && j === runs.length - 1 ? at(j).startsWith(r) : at(j) === r,
        );
        if (ok) return true;
      }
      return false;
    });
  });
}

function matcher(search: SnippetTerms): (token: string) => boolean {
  const runs = search.terms.flatMap((t) => t.split(' ')).map(fold);
  const prefix = search.prefixLast ? runs.at(-1) : undefined;
  const whole = new Set(runs);
  return (token) => {
    const t = fold(token);
    return whole.has(t) || (prefix !== undefined && t.startsWith(prefix));
  };
}

/**
 * A snippet of `text` around its first matched token, at most `size` tokens, with each matched token
 * between the hit markers and `…` where text was cut: the shape FTS5's snippet() gives, made here from
 * the row already loaded. (snippet() re-runs the MATCH for its row, and a prefix MATCH costs the
 * doclist of every word it begins: at a million incidents, tens of milliseconds per result row.)
 */
export function markSnippet(text: string, search: SnippetTerms, size = 16): string {
  const isHit = matcher(search);
  const tokens = [...text.matchAll(tokenPattern)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    hit: isHit(m[0]),
  }));
  const first = tokens.findIndex((t) => t.hit);
  const from = Math.max(0, Math.min(first - 2, tokens.length - size));
  const to = Math.min(tokens.length, from + size);
  if (tokens.length === 0) return text;
  let out = from > 0 ? '…' : '';
  let at = from > 0 ? tokens[from]!.start : 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    out += text.slice(at, t.start);
    const word = text.slice(t.start, t.end);
    out += t.hit ? `${snippetHitStart}${word}${snippetHitEnd}` : word;
    at = t.end;
  }
  out += to < tokens.length ? '…' : text.slice(at);
  return out;
}
