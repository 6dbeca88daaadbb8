// Following an incident (issue 17 item 4): staff follow incidents they may read, the list feeds the
// toasts, each change is one commit with its event, and nobody follows what they may not read.
import { describe, expect, test } from 'vitest';
import { maxFollowed, type Actor } from '@handoff/domain';
import { changeFeed, tablesOf, type Db } from '@handoff/db';
import { buildCustomer, buildIncident, buildTeam, buildUser } from '@handoff/db/testing/builders';
import { createCaller } from '../root';
import { actorOf } from '../live/testing';
import { refusalOf } from '../test-callers';
import { useEmptyDb } from '../testing/change-kit';

let db: Db;
useEmptyDb((opened) => {
  db = opened;
});

const now = () => new Date().toISOString();
const as = (actor: Actor) => createCaller({ db, actor, now });

async function world() {
  const desk = await buildTeam(db, { name: 'US - Help Desk', kind: 'help_desk' });
  const group = await buildTeam(db, { kind: 'partner' });
  const agent = await actorOf(
    db,
    (await buildUser(db, { role: 'l1', name: 'Lee Agent' }, [desk.id])).id,
  );
  const partner = await actorOf(
    db,
    (await buildUser(db, { role: 'partner_agent' }, [group.id])).id,
  );
  const casey = await buildCustomer(db);
  const customer = await actorOf(
    db,
    (await buildUser(db, { role: 'customer', customerId: casey.id })).id,
  );
  const incident = await buildIncident(db, { ownerTeamId: desk.id, customerId: casey.id });
  return { desk, agent, partner, customer, incident };
}

describe('live.follow / live.following', () => {
  test('an agent follows and unfollows an incident; each is one commit announcing its event', async () => {
    const w = await world();
    const before = await changeFeed.findLatestChangeId(db);
    await expect(
      as(w.agent).live.follow({ incidentId: w.incident.id, follow: true }),
    ).resolves.toEqual({
      incidentId: w.incident.id,
      following: true,
    });
    expect(await as(w.agent).live.following()).toEqual([w.incident.id]);
    await as(w.agent).live.follow({ incidentId: w.incident.id, follow: false });
    expect(await as(w.agent).live.following()).toEqual([]);
    expect(await changeFeed.findChangesSince(db, before)).toMatchObject([
      {
        entity: 'incidentFollower',
        entityId: w.incident.id,
        kind: 'followed',
        userIds: [w.agent.id],
      },
      {
        entity: 'incidentFollower',
        entityId: w.incident.id,
        kind: 'unfollowed',
        userIds: [w.agent.id],
      },
    ]);
    expect(await changeFeed.findChangesSince(db, before)).toHaveLength(2);
  });

  test('following twice or unfollowing what one does not follow is refused and changes nothing', async () => {
    const w = await world();
    expect(
      await refusalOf(as(w.agent).live.follow({ incidentId: w.incident.id, follow: false })),
    ).toMatchObject({ code: 'BAD_REQUEST', message: `You do not follow ${w.incident.number}.` });
    await as(w.agent).live.follow({ incidentId: w.incident.id, follow: true });
    const before = await changeFeed.findLatestChangeId(db);
    expect(
      await refusalOf(as(w.agent).live.follow({ incidentId: w.incident.id, follow: true })),
    ).toMatchObject({ message: `You already follow ${w.incident.number}.` });
    expect(await changeFeed.findChangesSince(db, before)).toEqual([]);
    expect(await db.select().from(tablesOf(db).incidentFollowers)).toHaveLength(1);
  });

  test('nobody follows what they may not read: a partner agent outside the ticket, a customer', async () => {
    const w = await world();
    expect(
      await refusalOf(as(w.partner).live.follow({ incidentId: w.incident.id, follow: true })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await refusalOf(as(w.customer).live.follow({ incidentId: w.incident.id, follow: true })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusalOf(as(w.customer).live.following())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.select().from(tablesOf(db).incidentFollowers)).toEqual([]);
  });

  test(`one person follows at most ${maxFollowed} incidents`, async () => {
    const w = await world();
    await db.insert(tablesOf(db).incidentFollowers).values(
      await Promise.all(
        Array.from({ length: maxFollowed }, async () => ({
          incidentId: (await buildIncident(db, { ownerTeamId: w.desk.id })).id,
          userId: w.agent.id,
          since: now(),
        })),
      ),
    );
    expect(
      await refusalOf(as(w.agent).live.follow({ incidentId: w.incident.id, follow: true })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining(`${maxFollowed} incidents already`),
    });
  });
});
