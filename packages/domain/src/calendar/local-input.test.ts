import { describe, expect, test } from 'vitest';
import { instantToLocalInput, localInputToInstant } from './local-input';

describe('datetime-local values are help-desk time (America/Chicago)', () => {
  test.each([
    ['2026-12-10T02:00', '2026-12-10T08:00:00Z'],
    ['2026-07-01T09:30', '2026-07-01T14:30:00Z'],
    ['', null],
    ['2026-13-01T00:00', null],
    ['tomorrow', null],
    ['2026-12-10', null],
  ])('%s → %s', (value, instant) => {
    expect(localInputToInstant(value)).toBe(instant);
  });

  test('and back', () => {
    expect(instantToLocalInput('2026-12-10T08:00:00.000Z')).toBe('2026-12-10T02:00');
  });
});
