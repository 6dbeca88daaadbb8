import { describe, expect, test } from 'vitest';
import { incidentNumberIn, jumpCommands, matching } from './palette-commands';

describe('incidentNumberIn', () => {
  test.each([
    ['14', 'INC-000014'],
    ['inc 14', 'INC-000014'],
    ['INC-000014', 'INC-000014'],
    ['inc-0000014', 'INC-000014'],
    ['1234567', 'INC-1234567'],
    ['queue', null],
    ['14 printers', null],
    ['', null],
  ])('%s → %s', (text, number) => expect(incidentNumberIn(text)).toBe(number));
});

describe('jumpCommands', () => {
  const queues = [{ id: 3, name: 'US - Help Desk CPS' }];
  test('L1: home, create, queues and each of its queues, TP review, problems, outages', () =>
    expect(jumpCommands('l1', queues).map((c) => c.href)).toEqual([
      '/desk',
      '/incidents/new',
      '/queues',
      '/queues?team=3',
      '/tp-review',
      '/problems',
      '/outages',
      '/notifications',
    ]));
  test('a partner agent may not create incidents or read problems', () => {
    const hrefs = jumpCommands('partner_agent', []).map((c) => c.href);
    expect(hrefs).not.toContain('/incidents/new');
    expect(hrefs).not.toContain('/problems');
  });
});

test('matching keeps commands holding every typed word', () => {
  const all = jumpCommands('l1', [{ id: 3, name: 'US - Help Desk CPS' }]);
  expect(matching(all, 'queue cps').map((c) => c.id)).toEqual(['queue-3']);
  expect(matching(all, '')).toHaveLength(all.length);
});
