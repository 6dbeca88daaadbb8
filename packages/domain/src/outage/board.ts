import { type Outage, recentlyResolvedDays } from './schema';

type Listed = Pick<Outage, 'status' | 'startAt' | 'endAt'>;

/**
 * The outages page and `/status` (kb 001 step 2, "HDQA checks the outages page"): active ones first,
 * then planned windows soonest first, then those resolved in the last week, latest first.
 */
export function outageBoard<T extends Listed>(
  outages: readonly T[],
  now: string,
): { active: T[]; planned: T[]; recentlyResolved: T[] } {
  const since = Date.parse(now) - recentlyResolvedDays * 86_400_000;
  const by = (key: (o: T) => string, dir: 1 | -1) => (a: T, b: T) =>
    dir * key(a).localeCompare(key(b));
  return {
    active: outages.filter((o) => o.status === 'active').sort(by((o) => o.startAt, -1)),
    planned: outages.filter((o) => o.status === 'planned').sort(by((o) => o.startAt, 1)),
    recentlyResolved: outages
      .filter((o) => o.status === 'resolved' && Date.parse(o.endAt ?? o.startAt) >= since)
      .sort(by((o) => o.endAt ?? o.startAt, -1)),
  };
}
