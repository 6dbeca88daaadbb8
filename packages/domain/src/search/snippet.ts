/** Markers the database puts around each matched token in a snippet (private-use code points). */
export const snippetHitStart = '\uE000';
export const snippetHitEnd = '\uE001';

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

/**
 * Splits a marked snippet into plain-text segments, matched or not. The UI renders them as text nodes
 * (React escapes them) with a <mark> around hits, so stored text can never become HTML. A stray marker
 * inside stored text only toggles highlighting; it is never emitted.
 */
export function parseSnippet(raw: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let hit = false;
  let text = '';
  const flush = () => {
    if (text) segments.push({ text, hit });
    text = '';
  };
  for (const ch of raw) {
    if (ch === snippetHitStart || ch === snippetHitEnd) {
      flush();
      hit = ch === snippetHitStart;
    } else text += ch;
  }
  flush();
  return segments;
}

/** The same snippet as HTML: every character of stored text escaped, then hits wrapped in <mark>. */
export function snippetHtml(raw: string): string {
  return parseSnippet(raw)
    .map((s) => {
      const escaped = s.text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;');
      return s.hit ? `<mark>${escaped}</mark>` : escaped;
    })
    .join('');
}
