import { describe, expect, test } from 'vitest';
import { htmlToText, stripQuotedReply } from './text';

describe('htmlToText', () => {
  test.each([
    ['paragraphs and breaks', '<p>Hello <b>there</b></p><p>Line<br>two</p>', 'Hello there\nLine\ntwo'],
    ['entities', 'Tom &amp; Jerry &lt;3 &#8212; &#x41;&nbsp;ok', 'Tom & Jerry <3 — A ok'],
    ['style and script dropped', '<style>p{color:red}</style><script>alert(1)</script><div>Body</div>', 'Body'],
    ['lists', '<ul><li>one</li><li>two</li></ul>', '- one\n- two'],
    ['an unknown entity stays', 'a &bogus; b', 'a &bogus; b'],
    ['a literal no-break space is a space', 'a\u00a0b', 'a b'],
  ])('%s', (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});

describe('stripQuotedReply', () => {
  test.each([
    ['Gmail style', 'Still broken.\n\nOn Tue, Nov 24, 2026 at 10:00 AM Help Desk <help@handoff.test> wrote:\n> We reset it.', 'Still broken.'],
    ['Outlook style', 'Thanks!\r\n\r\n-----Original Message-----\r\nFrom: Help Desk\r\nSent: today', 'Thanks!'],
    ['Outlook From: header block', 'Works now.\n________________________________\nFrom: Help Desk <help@handoff.test>', 'Works now.'],
    ['trailing quote lines', 'Yes please.\n> earlier\n> text\n', 'Yes please.'],
    ['nothing quoted', 'Line one\nLine two', 'Line one\nLine two'],
    ['only a quote keeps everything', '> just quoting\n> you', '> just quoting\n> you'],
  ])('%s', (_name, text, expected) => {
    expect(stripQuotedReply(text)).toBe(expected);
  });
});
