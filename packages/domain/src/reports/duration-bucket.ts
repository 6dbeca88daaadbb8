// How the dashboard rounds a clock's business time (issue 18), the same in the rollup (SQL in the
// db migration `report_rollup_triggers`) and here: to a tenth of an hour below 10 hours, to the hour
// below 100 hours, to ten hours beyond. Rounding is monotone, so the median (or p90) of the rounded
// times is the rounded median: the rollup's figures are the exact ones at that precision.

const tenth = 360_000;

/** A duration in ms (≥ 0) as tenths of an hour, rounded half up at its precision. */
export function durationBucket(ms: number): number {
  if (ms < 100 * tenth) return Math.floor((ms + tenth / 2) / tenth);
  if (ms < 1000 * tenth) return Math.floor((ms + 5 * tenth) / (10 * tenth)) * 10;
  return Math.floor((ms + 50 * tenth) / (100 * tenth)) * 100;
}
