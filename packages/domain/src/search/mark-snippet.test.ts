import { describe, expect, test } from 'vitest';
import { countHits, markSnippet, textMatches } from './mark-snippet';
import { snippetHitEnd as E, snippetHitStart as S } from './snippet';

const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('markSnippet', () => {
  test.each([
    ['a whole word', 'The printer jams.', ['printer'], false, `The ${S}printer${E} jams.`],
    ['case and diacritics fold', 'Müller called', ['muller'], false, `${S}Müller${E} called`],
    ['the last run as a prefix', 'Canvas is down', ['canv'], true, `${S}Canvas${E} is down`],
    ['a prefix only when typed as one', 'Canvas is down', ['canv'], false, 'Canvas is down'],
    [
      'earlier words stay whole',
      'vpn vpnclient x',
      ['vpn', 'x'],
      true,
      `${S}vpn${E} vpnclient ${S}x${E}`,
    ],
    [
      'a phrase marks each run',
      'mail j.smith@wisc.edu',
      ['j smith wisc'],
      true,
      `mail ${S}j${E}.${S}smith${E}@${S}wisc${E}.edu`,
    ],
    [
      'markup stays text',
      'The <b>xylograph</b>',
      ['xylograph'],
      false,
      `The <b>${S}xylograph${E}</b>`,
    ],
  ])('%s', (_, text, terms, prefixLast, expected) => {
    expect(markSnippet(text, { terms, prefixLast })).toBe(expected);
  });

  test('a long text is cut around the first hit, at most 16 tokens, with ellipses', () => {
    const text = `${words(30)} printer ${words(30)}`;
    const snippet = markSnippet(text, { terms: ['printer'], prefixLast: false });
    expect(snippet).toBe(`…w28 w29 ${S}printer${E} w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12…`);
  });

  test('a hit near the end keeps a full window', () => {
    const snippet = markSnippet(`${words(30)} printer.`, { terms: ['printer'], prefixLast: false });
    expect(snippet).toBe(
      `…w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 ${S}printer${E}.`,
    );
  });

  test('countHits counts matched tokens', () => {
    expect(countHits('vpn and VPN, not vpns', { terms: ['vpn'], prefixLast: false })).toBe(2);
    expect(countHits('vpn and VPN, not vpns', { terms: ['vpn'], prefixLast: true })).toBe(3);
    expect(countHits('nothing here', { terms: ['vpn'], prefixLast: true })).toBe(0);
  });
});

describe('textMatches (the small-scope search)', () => {
  test.each([
    ['a whole word', ['The printer jams'], ['printer'], false, true],
    ['not a prefix unless typed as one', ['The printers jam'], ['printer'], false, false],
    ['the last word as a prefix', ['The printers jam'], ['printer'], true, true],
    ['an earlier word stays whole', ['printers jam'], ['printer', 'jam'], true, false],
    ['every word must match', ['The printer jams'], ['printer', 'vpn'], true, false],
    [
      'words may be in different columns',
      ['Ann Vexley', 'VPN drops'],
      ['vexley', 'vpn'],
      true,
      true,
    ],
    ['a phrase stays within one column', ['mail j', 'smith'], ['j smith'], false, false],
    ['a phrase in order', ['j.smith@wisc.edu'], ['j smith wisc'], false, true],
    ['a phrase out of order', ['smith.j'], ['j smith'], false, false],
    ['case and diacritics fold', ['Müller'], ['muller'], false, true],
    ['a missing column', [null, 'Müller'], ['muller'], false, true],
  ])('%s', (_, texts, terms, prefixLast, expected) => {
    expect(textMatches(texts, { terms, prefixLast })).toBe(expected);
  });
});
