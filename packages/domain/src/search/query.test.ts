import { describe, expect, test } from 'vitest';
import { maxSearchLength, maxSearchWords, parseSearchQuery } from './query';

describe('parseSearchQuery', () => {
  test.each([
    ['a surname', 'Smith', '"smith"*'],
    ['only the last word is a prefix', 'vpn  drops', '"vpn" "drops"*'],
    ['an e-mail is one phrase of its parts', 'casey@handoff.test', '"casey handoff test"*'],
    ['a phone number', '608-262-1234', '"608 262 1234"*'],
    ['a double quote is punctuation', 'say "hello', '"say" "hello"*'],
    ['a lone quote inside a word', 'o"brien', '"o brien"*'],
    ['a star is punctuation', 'print*', '"print"*'],
    ['NEAR is a word, not an operator', 'NEAR(vpn printer)', '"near vpn" "printer"*'],
    ['OR is a word, not an operator', 'vpn OR printer', '"vpn" "or" "printer"*'],
    ['a leading minus is not NOT', '-printer', '"printer"*'],
    ['a column filter is not one', 'description:vpn', '"description vpn"*'],
    ['unicode letters survive, lower-cased', 'Müller Ørsted 東京', '"müller" "ørsted" "東京"*'],
    ['full-width characters are normalised', 'ＶＰＮ', '"vpn"*'],
    ['a one-letter last word is whole', 'printer x', '"printer" "x"'],
    ['a one-letter last run of a phrase is whole', 'smith.j', '"smith j"'],
  ])('%s', (_, text, match) => {
    const parsed = parseSearchQuery(text);
    expect(parsed).toMatchObject({ ok: true, match, whole: match.replace(/\*$/, '') });
  });

  test.each([
    ['empty', ''],
    ['only spaces', '   \t '],
    ['only punctuation', '"*-()^:+ ,.;!?'],
  ])('%s gets a message asking for something to search', (_, text) => {
    expect(parseSearchQuery(text)).toEqual({
      ok: false,
      message: expect.stringMatching(/Type a name/) as string,
    });
  });

  test('10,000 characters get a message naming the limit', () => {
    const parsed = parseSearchQuery('a'.repeat(10_000));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(`at most ${maxSearchLength} characters`);
  });

  test('exactly the limit is searched', () => {
    expect(parseSearchQuery('a'.repeat(maxSearchLength)).ok).toBe(true);
  });

  test('too many words get a message', () => {
    const parsed = parseSearchQuery(
      Array.from({ length: maxSearchWords + 1 }, () => 'x').join(' '),
    );
    expect(!parsed.ok && parsed.message).toMatch(`at most ${maxSearchWords} words`);
  });

  test.each([
    ['INC-000123', 'INC-000123'],
    ['inc123', 'INC-000123'],
    ['123', 'INC-000123'],
    [' 0000042 ', 'INC-000042'],
    ['INC-1234567', 'INC-1234567'],
  ])('%s reads as incident number %s', (text, number) => {
    expect(parseSearchQuery(text)).toMatchObject({ ok: true, incidentNumber: number });
  });

  test.each([['vpn 123'], ['Smith']])('%s is not an incident number', (text) => {
    expect(parseSearchQuery(text)).toMatchObject({ ok: true, incidentNumber: null });
  });

  test('every phrase is quoted: no user character reaches FTS5 unquoted', () => {
    const parsed = parseSearchQuery('a"b c* NOT d AND (e) {f} ^g h:i');
    expect(parsed.ok && parsed.match).toBe('"a b" "c" "not" "d" "and" "e" "f" "g" "h i"');
  });
});
