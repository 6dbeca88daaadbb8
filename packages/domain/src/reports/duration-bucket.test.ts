import { describe, expect, test } from 'vitest';
import { durationBucket } from './duration-bucket';

const h = 3_600_000;

describe('durationBucket (tenths of an hour)', () => {
  test.each([
    [0, 0],
    [179_999, 0], // just under 3 min rounds down
    [180_000, 1], // 0.05 h rounds half up to 0.1 h
    [1.24 * h, 12],
    [9.94 * h, 99],
    [9.96 * h, 100], // rounds up to 10.0 h
    [10 * h, 100], // from 10 h: whole hours
    [10.49 * h, 100],
    [10.5 * h, 110],
    [99.4 * h, 990],
    [99.6 * h, 1000],
    [100 * h, 1000], // from 100 h: tens of hours
    [104.9 * h, 1000],
    [105 * h, 1100],
  ])('%d ms → %d', (ms, bucket) => {
    expect(durationBucket(ms)).toBe(bucket);
  });

  test('never decreases, so quantiles of buckets are buckets of quantiles', () => {
    let previous = 0;
    for (let ms = 0; ms < 400 * h; ms += 97_531) {
      const b = durationBucket(ms);
      expect(b).toBeGreaterThanOrEqual(previous);
      previous = b;
    }
  });
});
