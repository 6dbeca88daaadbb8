import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { teamNames, type Role, type SupportGroup } from '@handoff/domain';
import { type Db } from '../client';
import { type Tx } from './incident';
import { first, prepared, tablesOf } from '../reader';

type Reader = Db | Tx;

// Each read is one query builder, run synchronously by the SQLite-only twins (`…Sync`, for the
// seed and the domain's sync lookups) and awaited on either engine by the rest.
const allQuery = (db: Reader) => {
  const { teams } = tablesOf(db);
  return db.select().from(teams).orderBy(asc(teams.name));
};
export const findAll = async (db: Reader) => allQuery(db);

const byNameQuery = (db: Reader, name: string) => {
  const { teams } = tablesOf(db);
  return db.select().from(teams).where(eq(teams.name, name)).limit(1);
};
export const findByNameSync = (db: Db, name: string) => byNameQuery(db, name).get();
export const findByName = async (db: Reader, name: string) => first(byNameQuery(db, name));

const byIdOnEither = prepared('team_by_id', (db, { teams }) =>
  db
    .select()
    .from(teams)
    .where(eq(teams.id, sql.placeholder('id'))),
);
export const findById = async (db: Reader, id: number) =>
  (await byIdOnEither(db).execute({ id }))[0];

const byIdsQuery = (db: Reader, ids: number[]) => {
  const { teams } = tablesOf(db);
  return db.select().from(teams).where(inArray(teams.id, ids)).orderBy(asc(teams.name));
};
export const findByIds = async (db: Reader, ids: number[]) =>
  ids.length === 0 ? [] : byIdsQuery(db, ids);

/** Each team's notification setting and its members' addresses, for team e-mail. */
// Runs for every incident mail (acknowledgements, team notices): prepared once per connection.
const membersOnEither = prepared('team_members_of', (db, { teamMembers, users }) =>
  db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, sql.placeholder('teamId')))
    .orderBy(asc(users.name)),
);
export async function findMailRecipients(db: Reader, ids: number[]) {
  const found =
    ids.length === 1
      ? [await findById(db, ids[0]!)].filter((t) => t !== undefined)
      : await findByIds(db, ids);
  return Promise.all(
    found.map(async (team) => ({
      id: team.id,
      name: team.name,
      notify: team.notify,
      members: await membersOnEither(db).execute({ teamId: team.id }),
    })),
  );
}

export type SupportGroupMember = { id: number; name: string; email: string; role: Role };
export type SupportGroupWithMembers = Omit<SupportGroup, 'members'> & {
  members: SupportGroupMember[];
};

/**
 * The partner client-support groups (by name) and then Tier 2 Support, each with its members and
 * the organisations it supports (kb 003). Tier 2 is found by name, as the escalation step finds it.
 */
export async function findSupportGroups(
  db: Reader,
  ids?: number[],
): Promise<SupportGroupWithMembers[]> {
  const { organisations, teamMembers, teams, users } = tablesOf(db);
  const isSupportGroup = or(
    eq(teams.kind, 'partner'),
    and(eq(teams.kind, 'tier2'), eq(teams.name, teamNames.tier2)),
  );
  const rows = await db
    .select({ id: teams.id, name: teams.name, kind: teams.kind })
    .from(teams)
    .where(ids ? and(isSupportGroup, inArray(teams.id, ids)) : isSupportGroup)
    .orderBy(asc(teams.name));
  const teamIds = rows.map((t) => t.id);
  if (teamIds.length === 0) return [];
  const members = await db
    .select({
      teamId: teamMembers.teamId,
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(inArray(teamMembers.teamId, teamIds))
    .orderBy(asc(users.name));
  const supported = await db
    .select({ teamId: organisations.partnerTeamId, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.partnerTeamId, teamIds))
    .orderBy(asc(organisations.name));
  const groups = rows.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind === 'partner' ? ('partner' as const) : ('tier2' as const),
    organisations: supported.filter((o) => o.teamId === t.id).map((o) => o.name),
    members: members.filter((m) => m.teamId === t.id).map(({ teamId: _teamId, ...m }) => m),
  }));
  return [
    ...groups.filter((g) => g.kind === 'partner'),
    ...groups.filter((g) => g.kind === 'tier2'),
  ];
}

export const findSupportGroup = async (db: Reader, id: number) =>
  (await findSupportGroups(db, [id]))[0];
