import { aliasedTable, and, asc, count, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  openStatuses,
  type HopKind,
  type MemberTicket,
  type PartnerScope,
  type PartnerTicketFacts,
  type Person,
} from '@handoff/domain';
import { type Db, type Reader } from '../client';
import { type Tx } from './incident';
import { first, perTables, prepared, tablesOf } from '../reader';

type Writer = Db | Tx;
const aliasesOf = perTables(({ users, teams }) => ({
  relationshipAgent: aliasedTable(users, 'relationship_agent'),
  actor: aliasedTable(users, 'hop_actor'),
  toAgent: aliasedTable(users, 'hop_to_agent'),
  toTeam: aliasedTable(teams, 'hop_to_team'),
}));

// Each read is one query builder, run synchronously by the SQLite-only twins (`…Sync`, for the
// domain's sync lookups) and awaited on either engine by the rest.
const ticketQuery = (db: Reader, incidentId: number) => {
  const { partnerTickets, organisations, teams } = tablesOf(db);
  const { relationshipAgent } = aliasesOf(db);
  return db
    .select({
      incidentId: partnerTickets.incidentId,
      organisationId: partnerTickets.organisationId,
      organisationName: organisations.name,
      partnerTeamId: partnerTickets.partnerTeamId,
      partnerTeamName: teams.name,
      agentId: relationshipAgent.id,
      agentName: relationshipAgent.name,
      agentEmail: relationshipAgent.email,
    })
    .from(partnerTickets)
    .innerJoin(organisations, eq(organisations.id, partnerTickets.organisationId))
    .innerJoin(teams, eq(teams.id, partnerTickets.partnerTeamId))
    .leftJoin(relationshipAgent, eq(relationshipAgent.id, partnerTickets.relationshipAgentId))
    .where(eq(partnerTickets.incidentId, incidentId))
    .limit(1);
};
type TicketRow = ReturnType<ReturnType<typeof ticketQuery>['get']>;

/** The partner facts of an incident, or undefined when it is not a channel-partner ticket. */
export const findTicketSync = (db: Reader, incidentId: number) =>
  ticketOf(ticketQuery(db, incidentId).get());
export const findTicket = async (db: Reader, incidentId: number) =>
  ticketOf(await first(ticketQuery(db, incidentId)));

function ticketOf(row: TicketRow): (PartnerTicketFacts & { incidentId: number }) | undefined {
  if (!row) return undefined;
  const { agentId, agentName, agentEmail, ...facts } = row;
  return {
    ...facts,
    relationshipAgent:
      agentId !== null && agentName !== null && agentEmail !== null
        ? { id: agentId, name: agentName, email: agentEmail }
        : null,
  };
}
const scope = prepared('partner_scope', (db, { partnerTickets }) =>
  db
    .select({ partnerTeamId: partnerTickets.partnerTeamId })
    .from(partnerTickets)
    .where(eq(partnerTickets.incidentId, sql.placeholder('incidentId'))),
);

/**
 * Which partner group's ticket the incident is, for the read rule (canReadIncident): the group it
 * was filed with, whichever team holds it now; `partnerTeamId` null when it is no partner ticket.
 */
export async function findScope(db: Reader, incidentId: number): Promise<PartnerScope> {
  const [row] = await scope(db).execute({ incidentId });
  return { partnerTeamId: row?.partnerTeamId ?? null };
}

/** Which of the given incidents are channel-partner tickets. */
export async function findTicketIds(
  db: Reader,
  incidentIds: readonly number[],
): Promise<Set<number>> {
  if (incidentIds.length === 0) return new Set();
  const { partnerTickets } = tablesOf(db);
  const rows = await db
    .select({ id: partnerTickets.incidentId })
    .from(partnerTickets)
    .where(inArray(partnerTickets.incidentId, [...incidentIds]));
  return new Set(rows.map((r) => r.id));
}

/** Partner group of each of the given incidents that is a partner ticket (for the requester's lists). */
export async function findPartnerTeamNames(
  db: Reader,
  incidentIds: number[],
): Promise<Map<number, string>> {
  if (incidentIds.length === 0) return new Map();
  const { partnerTickets, teams } = tablesOf(db);
  const rows = await db
    .select({ incidentId: partnerTickets.incidentId, name: teams.name })
    .from(partnerTickets)
    .innerJoin(teams, eq(teams.id, partnerTickets.partnerTeamId))
    .where(inArray(partnerTickets.incidentId, incidentIds));
  return new Map(rows.map((r) => [r.incidentId, r.name]));
}

const membersQuery = (db: Reader, teamId: number) => {
  const { teamMembers, users } = tablesOf(db);
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(users.id));
};
/** Everyone in a team, to be told when the next input is theirs. */
export const findMembersSync = (db: Reader, teamId: number): Person[] =>
  membersQuery(db, teamId).all();
export const findMembers = async (db: Reader, teamId: number): Promise<Person[]> =>
  membersQuery(db, teamId);

/**
 * The open tickets each member works in each of the given groups, keyed `teamId:userId`: incidents
 * the group owns with them as assignee, and the group's partner tickets with them as relationship
 * agent (also while the ticket is with Tier 2). What keeps a member in their group.
 */
export async function findOpenMemberTickets(
  db: Writer,
  teamIds: number[],
): Promise<Map<string, MemberTicket[]>> {
  const byMember = new Map<string, MemberTicket[]>();
  if (teamIds.length === 0) return byMember;
  const { incidents, partnerTickets } = tablesOf(db);
  const open = inArray(incidents.status, [...openStatuses]);
  const assigned = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      teamId: incidents.ownerTeamId,
      userId: incidents.ownerAgentId,
    })
    .from(incidents)
    .where(and(inArray(incidents.ownerTeamId, teamIds), isNotNull(incidents.ownerAgentId), open));
  const related = await db
    .select({
      id: incidents.id,
      number: incidents.number,
      teamId: partnerTickets.partnerTeamId,
      userId: partnerTickets.relationshipAgentId,
    })
    .from(partnerTickets)
    .innerJoin(incidents, eq(incidents.id, partnerTickets.incidentId))
    .where(
      and(
        inArray(partnerTickets.partnerTeamId, teamIds),
        isNotNull(partnerTickets.relationshipAgentId),
        open,
      ),
    );
  const rows = [
    ...assigned.map((r) => ({ ...r, as: 'assignee' as const })),
    ...related.map((r) => ({ ...r, as: 'relationship' as const })),
  ];
  for (const r of rows.sort((a, b) => a.id - b.id)) {
    const key = `${r.teamId}:${r.userId}`;
    const tickets = byMember.get(key) ?? [];
    let ticket = tickets.find((t) => t.number === r.number);
    if (!ticket) {
      ticket = { number: r.number, isAssignee: false, isRelationshipAgent: false };
      tickets.push(ticket);
    }
    if (r.as === 'assignee') ticket.isAssignee = true;
    else ticket.isRelationshipAgent = true;
    byMember.set(key, tickets);
  }
  return byMember;
}

/** The ticket's hand-offs, oldest first, with names. */
export async function findHops(db: Reader, incidentId: number) {
  const { partnerHops } = tablesOf(db);
  const { actor, toAgent, toTeam } = aliasesOf(db);
  return db
    .select({
      id: partnerHops.id,
      kind: partnerHops.kind,
      at: partnerHops.at,
      waitedSeconds: partnerHops.waitedSeconds,
      actorName: actor.name,
      toTeamName: toTeam.name,
      toAgentName: toAgent.name,
    })
    .from(partnerHops)
    .innerJoin(toTeam, eq(toTeam.id, partnerHops.toTeamId))
    .leftJoin(actor, eq(actor.id, partnerHops.actorId))
    .leftJoin(toAgent, eq(toAgent.id, partnerHops.toAgentId))
    .where(eq(partnerHops.incidentId, incidentId))
    .orderBy(asc(partnerHops.id));
}

const hopSummaryQueries = (db: Reader, incidentId: number) => {
  const { partnerHops } = tablesOf(db);
  return {
    last: db
      .select({ at: partnerHops.at, kind: partnerHops.kind })
      .from(partnerHops)
      .where(eq(partnerHops.incidentId, incidentId))
      .orderBy(sql`${partnerHops.id} desc`)
      .limit(1),
    trips: db
      .select({ n: count() })
      .from(partnerHops)
      .where(and(eq(partnerHops.incidentId, incidentId), eq(partnerHops.kind, 'returned'))),
  };
};
type HopSummary = { lastHopAt: string | null; lastHopKind: HopKind | null; roundTrips: number };
const hopSummaryOf = (
  last: { at: string; kind: HopKind } | undefined,
  trips: { n: number } | undefined,
): HopSummary => ({
  lastHopAt: last?.at ?? null,
  lastHopKind: last?.kind ?? null,
  roundTrips: trips?.n ?? 0,
});

/** What the steps need from the history: when it last changed hands and the round trips so far. */
export function findHopSummarySync(db: Reader, incidentId: number): HopSummary {
  const { last, trips } = hopSummaryQueries(db, incidentId);
  return hopSummaryOf(last.get(), trips.get());
}
export async function findHopSummary(db: Reader, incidentId: number): Promise<HopSummary> {
  const { last, trips } = hopSummaryQueries(db, incidentId);
  return hopSummaryOf(await first(last), await first(trips));
}

const privateCommentsQuery = (db: Reader, incidentId: number, authorId: number, since: string) => {
  const { journalEntries } = tablesOf(db);
  return db
    .select({ n: count() })
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.incidentId, incidentId),
        eq(journalEntries.authorId, authorId),
        eq(journalEntries.visibility, 'internal'),
        inArray(journalEntries.kind, ['note', 'email']),
        gte(journalEntries.createdAt, since),
      ),
    );
};

/** Private comments (notes or e-mails) an author wrote on an incident since an instant. */
export const countPrivateCommentsSinceSync = (
  db: Reader,
  incidentId: number,
  authorId: number,
  since: string,
): number => privateCommentsQuery(db, incidentId, authorId, since).get()?.n ?? 0;
export const countPrivateCommentsSince = async (
  db: Reader,
  incidentId: number,
  authorId: number,
  since: string,
): Promise<number> => (await first(privateCommentsQuery(db, incidentId, authorId, since)))?.n ?? 0;
