import { describe, expect, test } from 'vitest';
import { parseEnv } from './env';

// Issue 13 item 9: a deployment switches the demo data (and its published logins) off.
describe('HANDOFF_DEMO_DATA', () => {
  test.each([
    [undefined, true],
    ['1', true],
    ['0', false],
  ])('%s → demo data %s', (value, demo) => {
    expect(parseEnv({ HANDOFF_DEMO_DATA: value }).HANDOFF_DEMO_DATA).toBe(demo);
  });

  test('anything else is refused at start with the variable named', () => {
    expect(() => parseEnv({ HANDOFF_DEMO_DATA: 'no' })).toThrow(/HANDOFF_DEMO_DATA/);
  });
});
