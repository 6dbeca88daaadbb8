// An administrator sees and clears sign-in lockouts (issue 13 item 5); nobody else may.
import { describe, expect, test } from 'vitest';
import { roles } from '@handoff/domain';
import { signInLimits } from '@handoff/domain';
import { tablesOf } from '@handoff/db';
import { createSignInThrottle } from '../sign-in-throttle';
import { callerFor, loginOf, refusalOf, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
const throttle = () => createSignInThrottle(dbs.db);

async function lockOut(email: string, client: string) {
  for (let i = 0; i < signInLimits.account.maxFailures; i++)
    await throttle().failed(email, client, Date.now());
}

describe('admin.lockouts / admin.clearLockout', () => {
  test('the admin sees a locked account and clears it; the account may try again', async () => {
    await lockOut('victim@handoff.test', '192.0.2.50');
    const admin = await callerFor(dbs.db, 'admin@handoff.test');
    const listed = await admin.admin.lockouts();
    expect(listed).toContainEqual(
      expect.objectContaining({ kind: 'account', id: 'victim@handoff.test', failures: 5 }),
    );
    expect(await throttle().check('victim@handoff.test', '192.0.2.51', Date.now())).not.toBeNull();
    await expect(
      admin.admin.clearLockout({ kind: 'account', id: 'victim@handoff.test' }),
    ).resolves.toEqual({ cleared: true });
    expect(await throttle().check('victim@handoff.test', '192.0.2.51', Date.now())).toBeNull();
    expect(await admin.admin.lockouts()).not.toContainEqual(
      expect.objectContaining({ id: 'victim@handoff.test' }),
    );
    // Audited in the admin audit log, like the other admin actions.
    const { adminAudit } = tablesOf(dbs.db);
    const lastAudit = async () =>
      (await dbs.db.select().from(adminAudit).orderBy(adminAudit.id)).at(-1);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      entity: 'lockout',
      entityKey: 'account:victim@handoff.test',
      field: 'locked until',
      toValue: null,
    });
    // Clearing again: nothing is locked, nothing is written.
    await expect(
      admin.admin.clearLockout({ kind: 'account', id: 'victim@handoff.test' }),
    ).resolves.toEqual({ cleared: false });
    expect(await lastAudit()).toEqual(audit);
  });

  test.each(roles.filter((r) => r !== 'admin'))('%s → FORBIDDEN', async (role) => {
    const caller = await callerFor(dbs.db, loginOf[role]);
    expect(await refusalOf(caller.admin.lockouts())).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await refusalOf(caller.admin.clearLockout({ kind: 'account', id: 'x@handoff.test' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
