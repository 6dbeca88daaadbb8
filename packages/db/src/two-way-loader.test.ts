import { describe, expect, test } from 'vitest';
import { read, runAsync, runSync, type TwoWayLoader } from './two-way-loader';

/** A loader with a dependent read and a check between reads, counting which twin ran. */
function* loader(calls: string[], id: number): TwoWayLoader<{ name: string; members: string[] }> {
  const team = yield* read(
    () => (calls.push('team sync'), id === 1 ? { id, name: 'Tier 2' } : undefined),
    () => (
      calls.push('team async'),
      Promise.resolve(id === 1 ? { id, name: 'Tier 2' } : undefined)
    ),
  );
  if (!team) throw new Error(`No team ${id}`);
  const members = yield* read(
    () => (calls.push('members sync'), [`${team.name} lead`]),
    () => (calls.push('members async'), Promise.resolve([`${team.name} lead`])),
  );
  return { name: team.name, members };
}

describe('a two-way loader', () => {
  test('runSync takes the synchronous twins, runAsync awaits the async ones, in the same order with the same result', async () => {
    const sync: string[] = [];
    const async: string[] = [];
    const expected = { name: 'Tier 2', members: ['Tier 2 lead'] };
    expect(runSync(loader(sync, 1))).toEqual(expected);
    expect(await runAsync(loader(async, 1))).toEqual(expected);
    expect(sync).toEqual(['team sync', 'members sync']);
    expect(async).toEqual(['team async', 'members async']);
  });

  test('a check that fails stops the loader before its next read, either way', async () => {
    const calls: string[] = [];
    expect(() => runSync(loader(calls, 2))).toThrow('No team 2');
    await expect(runAsync(loader(calls, 2))).rejects.toThrow('No team 2');
    expect(calls).toEqual(['team sync', 'team async']);
  });
});
