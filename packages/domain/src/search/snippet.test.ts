import { describe, expect, test } from 'vitest';
import { parseSnippet, snippetHitEnd as E, snippetHitStart as S, snippetHtml } from './snippet';

describe('snippets', () => {
  test.each([
    ['no hit', 'plain text', [{ text: 'plain text', hit: false }]],
    [
      'a hit in the middle',
      `the ${S}printer${E} jams`,
      [
        { text: 'the ', hit: false },
        { text: 'printer', hit: true },
        { text: ' jams', hit: false },
      ],
    ],
    [
      'two hits',
      `${S}vpn${E} and ${S}vpn${E}`,
      [
        { text: 'vpn', hit: true },
        { text: ' and ', hit: false },
        { text: 'vpn', hit: true },
      ],
    ],
  ])('%s', (_, raw, segments) => {
    expect(parseSnippet(raw)).toEqual(segments);
  });

  test('stored HTML is escaped before hits are marked', () => {
    expect(snippetHtml(`<script>alert("x")</script> ${S}Zoom${E} & <b>'`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Zoom</mark> &amp; &lt;b&gt;&#39;',
    );
  });

  test('a marker inside stored text is never emitted', () => {
    expect(snippetHtml(`a${E}b`)).toBe('ab');
  });
});
