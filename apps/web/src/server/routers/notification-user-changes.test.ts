// Notifications marked read and logins' sessions ended (issue 12): each goes through the commit
// module, commits exactly the change events its effects name, and a failure half-way through the
// commit leaves nothing behind. Data from the fixture builders, not the demo seed.
import { describe, expect, test } from 'vitest';
import { asc, count } from 'drizzle-orm';
import { effects, type NotificationDraft } from '@handoff/domain';
import { changeFeed, commit, first, tablesOf, userRepository, type Db } from '@handoff/db';
import { buildIncident, buildTeam, buildUser } from '@handoff/db/testing/builders';
import { endSessions } from '../end-sessions';
import { rejectionOf } from '../test-callers';
import { changeKit, failureText } from '../testing/change-kit';

const now = '2026-12-01T10:00:00.000Z';
let db: Db;
const { callerOf, refuseInsertsInto } = changeKit((opened) => (db = opened), { clock: now });

/** A team, two of its agents and an incident; notifications for one agent, the other and the team. */
async function inbox() {
  const team = await buildTeam(db);
  const reader = await buildUser(db, { role: 'l1' }, [team.id]);
  const other = await buildUser(db, { role: 'l1' }, [team.id]);
  const incident = await buildIncident(db, { ownerTeamId: team.id });
  const to = (audience: NotificationDraft['audience'], targetId: number): NotificationDraft => ({
    audience,
    targetId,
    template: 't',
    subject: `for ${audience} ${targetId}`,
    body: 'b',
  });
  await commit(
    db,
    effects(now, {
      notifications: [
        to('user', reader.id),
        to('user', reader.id),
        to('user', other.id),
        to('team', team.id),
      ].map((draft) => ({ incidentId: incident.id, draft })),
    }),
  );
  const { notifications } = tablesOf(db);
  const rows = await db.select().from(notifications).orderBy(asc(notifications.id));
  return { team, reader, other, rows };
}

const readState = () => {
  const { notifications } = tablesOf(db);
  return db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .orderBy(asc(notifications.id));
};

describe('notification.markRead', () => {
  test('marks the reader’s own unread ones and announces one `read` event to the reader alone', async () => {
    const { reader, rows } = await inbox();
    const before = await changeFeed.findLatestChangeId(db);
    expect(await (await callerOf(reader.id)).notification.markRead({})).toEqual({ marked: 2 });
    expect((await readState()).map((r) => r.readAt !== null)).toEqual([true, true, false, false]);
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toMatchObject([
      {
        entity: 'notification',
        entityId: rows[1]!.id,
        kind: 'read',
        teamIds: [],
        userIds: [reader.id],
        actorId: reader.id,
      },
    ]);
    expect(events).toHaveLength(1);
    expect(await (await callerOf(reader.id)).notification.unreadCount()).toBe(0);
  });

  test('given ids: only those of the reader’s; another’s is not touched; nothing left = no event', async () => {
    const { reader, rows } = await inbox();
    const caller = callerOf(reader.id);
    expect(await (await caller).notification.markRead({ ids: [rows[0]!.id, rows[2]!.id] })).toEqual(
      {
        marked: 1,
      },
    );
    expect((await readState()).map((r) => r.readAt !== null)).toEqual([true, false, false, false]);
    const before = await changeFeed.findLatestChangeId(db);
    expect(await (await caller).notification.markRead({ ids: [rows[0]!.id, rows[3]!.id] })).toEqual(
      {
        marked: 0,
      },
    );
    expect(await changeFeed.findChangesSince(db, before)).toEqual([]);
  });

  test('failing at the change feed: nothing is marked read', async () => {
    const { reader } = await inbox();
    const before = await readState();
    await refuseInsertsInto('change_events');
    expect(
      failureText(await rejectionOf((await callerOf(reader.id)).notification.markRead({}))),
    ).toMatch(/disk full/);
    expect(await readState()).toEqual(before);
    expect(await (await callerOf(reader.id)).notification.unreadCount()).toBe(2);
  });
});

const sessionsOf = (id: number) => userRepository.findSessionVersion(db, id);
const auditCount = async () =>
  (await first(db.select({ n: count() }).from(tablesOf(db).adminAudit)))!.n;

describe('ending a login’s sessions', () => {
  test('sign-out: the session version moves on, audited as the user’s own act, one `signed_out` event', async () => {
    const lee = await buildUser(db, { role: 'l1' });
    const before = await changeFeed.findLatestChangeId(db);
    await endSessions(db, lee.id, now);
    expect(await sessionsOf(lee.id)).toBe(1);
    expect(await db.select().from(tablesOf(db).adminAudit)).toMatchObject([
      { actorId: lee.id, entity: 'user', entityKey: String(lee.id), toValue: 'signed out' },
    ]);
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toMatchObject([
      { entity: 'user', entityId: lee.id, kind: 'signed_out', userIds: [lee.id], actorId: lee.id },
    ]);
    expect(events).toHaveLength(1);
  });

  test.each([
    ['deactivateUser', 'deactivated'],
    ['resetPassword', 'password_reset'],
  ] as const)('admin %s: one `%s` event naming the login', async (procedure, kind) => {
    const admin = await buildUser(db, { role: 'admin' });
    const lee = await buildUser(db, { role: 'l1' });
    const before = await changeFeed.findLatestChangeId(db);
    await (await callerOf(admin.id)).admin[procedure]({ userId: lee.id });
    const events = await changeFeed.findChangesSince(db, before);
    expect(events).toMatchObject([
      { entity: 'user', entityId: lee.id, kind, userIds: [lee.id], actorId: admin.id },
    ]);
    expect(events).toHaveLength(1);
    expect(await sessionsOf(lee.id)).toBe(1);
  });

  test.each([['admin_audit'], ['change_events']])(
    'sign-out failing at %s: the sessions stay, no audit row, no event',
    async (table) => {
      const lee = await buildUser(db, { role: 'l1' });
      const before = await changeFeed.findLatestChangeId(db);
      await refuseInsertsInto(table);
      expect(failureText(await rejectionOf(endSessions(db, lee.id, now)))).toMatch(/disk full/);
      expect([
        await sessionsOf(lee.id),
        await auditCount(),
        await changeFeed.findChangesSince(db, before),
      ]).toEqual([0, 0, []]);
    },
  );
});
