import { describe, expect, test } from 'vitest';
import {
  incidentNumberFromSubject,
  parseMessageIds,
  referencesKept,
  tagSubject,
  threadHeaders,
} from './threading';

describe('subject tag', () => {
  test.each([
    [
      'an untagged subject is prefixed',
      'Update on your request',
      '[INC-000123] Update on your request',
    ],
    ['a tagged subject is left alone', 'Re: [INC-000123] Update', 'Re: [INC-000123] Update'],
    ['a bare number is not a tag', 'INC-000123 is resolved', '[INC-000123] INC-000123 is resolved'],
    [
      'another incident’s tag does not count',
      '[INC-000999] Update',
      '[INC-000123] [INC-000999] Update',
    ],
  ])('%s', (_name, subject, expected) => {
    expect(tagSubject(subject, 'INC-000123')).toBe(expected);
  });

  test.each([
    ['Re: [INC-000123] Printer', 'INC-000123'],
    ['RE: Fwd: [ inc-000042 ] hello', 'INC-000042'],
    ['Printer INC-000123 without brackets', null],
    ['[INC-12] too short', null],
    ['', null],
    [null, null],
  ])('%j → %s', (subject, expected) => {
    expect(incidentNumberFromSubject(subject)).toBe(expected);
  });
});

describe('threading headers', () => {
  test.each([
    ['a header value', '<a@x> <b@y>\r\n <a@x>', ['<a@x>', '<b@y>']],
    ['an array', ['<a@x>', '<c@z>'], ['<a@x>', '<c@z>']],
    ['nothing', undefined, []],
    ['junk', 'no ids here', []],
  ])('parseMessageIds of %s', (_name, value, expected) => {
    expect(parseMessageIds(value)).toEqual(expected);
  });

  test('the first message of a thread has no parent', () => {
    expect(threadHeaders([])).toEqual({ inReplyTo: null, references: null });
  });

  test('a reply answers the latest message and references the whole short thread', () => {
    expect(threadHeaders(['<1@h>', '<2@h>', '<3@h>'])).toEqual({
      inReplyTo: '<3@h>',
      references: '<1@h> <2@h> <3@h>',
    });
  });

  test('a long thread keeps the root and the latest ids', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `<${i}@h>`);
    const { inReplyTo, references } = threadHeaders(ids);
    expect(inReplyTo).toBe('<24@h>');
    const refs = references!.split(' ');
    expect(refs).toHaveLength(referencesKept);
    expect(refs[0]).toBe('<0@h>');
    expect(refs.at(-1)).toBe('<24@h>');
  });
});
