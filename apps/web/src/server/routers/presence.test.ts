// Ready / Not ready / Busy for CPS and ES agents, and the CPS count L1's console polls.
import { describe, expect, test } from 'vitest';
import { roles } from '@handoff/domain';
import { userRepository } from '@handoff/db';
import { callerFor, fixedClock, loginOf, refusalOf, useSeededDbs, userIdOf } from '../test-callers';
import { tuesday10 } from './one-step-scenarios';

const dbs = useSeededDbs();

describe('presence', () => {
  test('a CPS agent sets Ready: presence.cps lists them as ready, with the time it changed', async () => {
    const { db } = dbs;
    const cps = await callerFor(db, 'cps@handoff.test', fixedClock(tuesday10));
    const l1 = await callerFor(db, 'l1@handoff.test');
    expect(await l1.presence.cps()).toMatchObject({ ready: [] });

    expect(await cps.presence.set({ presence: 'ready' })).toEqual({ presence: 'ready' });
    expect(await cps.presence.mine()).toEqual({ presence: 'ready' });
    const id = await userIdOf(db, 'cps@handoff.test');
    expect(await l1.presence.cps()).toEqual({
      ready: [{ id, name: 'Cameron CPS', presence: 'ready', presenceChangedAt: tuesday10 }],
      agents: [
        { id, name: 'Cameron CPS', presence: 'ready', presenceChangedAt: tuesday10 },
        {
          id: await userIdOf(db, 'cps2@handoff.test'),
          name: 'Cory CPS',
          presence: 'not_ready',
          presenceChangedAt: null,
        },
      ],
    });

    // Busy and Not ready take them off the ready list again.
    await cps.presence.set({ presence: 'busy' });
    expect((await l1.presence.cps()).ready).toEqual([]);
    await cps.presence.set({ presence: 'not_ready' });
    expect((await userRepository.findById(db, id))!.presence).toBe('not_ready');
  });

  test('an ES agent has a presence too, but is not counted among CPS agents', async () => {
    const { db } = dbs;
    await (await callerFor(db, 'es@handoff.test')).presence.set({ presence: 'ready' });
    expect(
      (await userRepository.findById(db, await userIdOf(db, 'es@handoff.test')))!.presence,
    ).toBe('ready');
    expect((await (await callerFor(db, 'l1@handoff.test')).presence.cps()).ready).toEqual([]);
  });

  test.each(roles.filter((r) => r !== 'cps' && r !== 'es'))(
    '%s calling presence.set → FORBIDDEN, presence unchanged',
    async (role) => {
      const { db } = dbs;
      const refusal = await refusalOf(
        (await callerFor(db, loginOf[role])).presence.set({ presence: 'ready' }),
      );
      expect(refusal).toMatchObject({
        code: 'FORBIDDEN',
        message: `Your role (${role}) may not set a Ready / Not ready / Busy presence.`,
      });
      expect((await userRepository.findById(db, await userIdOf(db, loginOf[role])))!.presence).toBe(
        'not_ready',
      );
    },
  );

  test('an unknown presence → BAD_REQUEST; nobody signed in → UNAUTHORIZED', async () => {
    const { db } = dbs;
    const cps = await callerFor(db, 'cps@handoff.test');
    expect(await refusalOf(cps.presence.set({ presence: 'away' as 'ready' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fields: { presence: expect.any(String) },
    });
    expect(await cps.presence.mine()).toEqual({ presence: 'not_ready' });
    expect(
      await refusalOf((await callerFor(db, null)).presence.set({ presence: 'ready' })),
    ).toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  test('a customer cannot read who is ready', async () => {
    expect(
      await refusalOf((await callerFor(dbs.db, 'customer@handoff.test')).presence.cps()),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
