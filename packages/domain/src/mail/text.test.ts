import { describe, expect, test } from 'vitest';
import { absoluteLinks, htmlToText, newReplyText, stripQuotedReply } from './text';

describe('htmlToText', () => {
  test.each([
    [
      'paragraphs and breaks',
      '<p>Hello <b>there</b></p><p>Line<br>two</p>',
      'Hello there\nLine\ntwo',
    ],
    ['entities', 'Tom &amp; Jerry &lt;3 &#8212; &#x41;&nbsp;ok', 'Tom & Jerry <3 — A ok'],
    [
      'style and script dropped',
      '<style>p{color:red}</style><script>alert(1)</script><div>Body</div>',
      'Body',
    ],
    ['lists', '<ul><li>one</li><li>two</li></ul>', '- one\n- two'],
    ['an unknown entity stays', 'a &bogus; b', 'a &bogus; b'],
    ['a literal no-break space is a space', 'a\u00a0b', 'a b'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('stripQuotedReply', () => {
  test.each([
    [
      'Gmail style',
      'Still broken.\n\nOn Tue, Nov 24, 2026 at 10:00 AM Help Desk <help@handoff.test> wrote:\n> We reset it.',
      'Still broken.',
    ],
    [
      'Outlook style',
      'Thanks!\r\n\r\n-----Original Message-----\r\nFrom: Help Desk\r\nSent: today',
      'Thanks!',
    ],
    [
      'Outlook From: header block',
      'Works now.\n________________________________\nFrom: Help Desk <help@handoff.test>',
      'Works now.',
    ],
    ['trailing quote lines', 'Yes please.\n> earlier\n> text\n', 'Yes please.'],
    ['nothing quoted', 'Line one\nLine two', 'Line one\nLine two'],
    ['quoted lines inline', 'Fixed.\n> old text\n> more\nThanks', 'Fixed.\nThanks'],
    ['only a quote keeps everything', '> just quoting\n> you', '> just quoting\n> you'],
  ])('%s', (_name, text, expected) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });
});

describe('newReplyText', () => {
  test.each([
    ['plain text', 'Try signing in again.', 'Try signing in again.'],
    [
      'Gmail-style quote',
      'Try again now.\n\nOn Tue, Nov 24, 2026 at 9:00 AM Handoff <help@handoff.test> wrote:\n> Your input is needed',
      'Try again now.',
    ],
    [
      'a private message quoted inline never survives',
      'Fixed.\n> PRIVATE tier 2 note\n> more\nThanks',
      'Fixed.\nThanks',
    ],
    ['Outlook original message', 'Done.\r\n-----Original Message-----\r\nFrom: Handoff', 'Done.'],
    ['only a quote: nothing new', '> just quoting\n> you', ''],
  ])('%s', (_name, text, reply) => expect(newReplyText(text)).toBe(reply));
});

describe('absoluteLinks', () => {
  const base = 'https://handoff.wisc.edu';
  test.each([
    [
      'a path on its own line',
      'Claim it:\n/incidents/INC-000042',
      'Claim it:\nhttps://handoff.wisc.edu/incidents/INC-000042',
    ],
    [
      'a path after a colon and space, then a full stop',
      'Pull it in Handoff: /incidents/INC-000042.',
      'Pull it in Handoff: https://handoff.wisc.edu/incidents/INC-000042.',
    ],
    [
      'in brackets',
      'See the ticket (/incidents/INC-000042)',
      'See the ticket (https://handoff.wisc.edu/incidents/INC-000042)',
    ],
    [
      'several',
      '/portal and /status',
      'https://handoff.wisc.edu/portal and https://handoff.wisc.edu/status',
    ],
    [
      'a trailing slash on the base is not doubled',
      '/incidents/INC-1',
      'https://handoff.wisc.edu/incidents/INC-1',
      'https://handoff.wisc.edu/',
    ],
    [
      'a path inside a word or URL stays',
      'see http://x.example/incidents/1 and a/incidents/2',
      'see http://x.example/incidents/1 and a/incidents/2',
    ],
    [
      'other paths stay (a Unix path in a customer note)',
      'the file /etc/hosts and /incidentsX',
      'the file /etc/hosts and /incidentsX',
    ],
  ])('%s', (_name, text, expected, appUrl = base) => {
    expect(absoluteLinks(text, appUrl)).toBe(expected);
  });
});
