// The repositories on PostgreSQL (issue 20, stage 2): the demo database is seeded on SQLite, moved
// to pg with the move command's code (pg/to-pg.ts), and every converted read is called with the same
// arguments on both engines through the one Reader: the results must be equal. Arguments range over
// every row of the demo world (each incident, team, user, customer…), never one picked by order.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseSearchQuery, queueSorts, type ChangeScope } from '@handoff/domain';
import { changesQuery, latestChangeQuery } from '../change-feed/changes-since';
import { type Reader } from '../client';
import { copyToPg, type PgCopy } from '../pg/testing';
import { engineOf, pgReader } from '../reader';
import * as schema from '../schema';
import { seedDemoData } from '../seed/demo';
import { seedPartnerDemoTickets } from '../seed/partner-demo';
import { createTestDb, type TestDb } from '../testing';
import * as adminAudit from './admin-audit';
import * as attachment from './attachment';
import * as catalog from './catalog';
import * as consult from './consult';
import * as customer from './customer';
import * as inboundMail from './inbound-mail';
import * as incident from './incident';
import * as mailTemplate from './mail-template';
import * as notification from './notification';
import * as oncall from './oncall';
import * as organisation from './organisation';
import * as outage from './outage';
import * as outbox from './outbox';
import * as partner from './partner';
import * as portal from './portal';
import * as presence from './presence';
import * as problem from './problem';
import * as queueGrid from './queue-grid';
import * as reports from './reports';
import * as reportTotals from './report-totals';
import * as routingAnswers from './routing-answers';
import * as routingData from './routing-data';
import * as search from './search';
import * as settings from './settings';
import * as sla from './sla';
import * as team from './team';
import * as user from './user';
import * as viewer from './viewer';

const now = '2026-11-24T16:00:00.000Z';
let lite: TestDb;
let pgDb: PgCopy;
let pg: Reader;
beforeAll(async () => {
  lite = createTestDb({ seed: false });
  seedDemoData(lite.db, { now });
  seedPartnerDemoTickets(lite.db, { now });
  // The seed commits nothing, so the feed is empty: a change per incident, each concerning its team
  // and one person, in turn (a fixture, as the commit module writes them).
  const people = ids(schema.users);
  lite.db
    .insert(schema.changeEvents)
    .values(
      lite.db
        .select()
        .from(schema.incidents)
        .all()
        .map((i, n) => ({
          entity: n % 3 === 0 ? 'consult' : 'incident',
          entityId: i.id,
          kind: 'updated',
          teamIds: [i.ownerTeamId],
          userIds: [people[n % people.length]!],
          actorId: null,
          at: now,
        })),
    )
    .run();
  pgDb = await copyToPg(lite.db);
  pg = pgDb.reader;
}, 60_000);
afterAll(async () => {
  lite?.close();
  await pgDb?.close();
});

/** The same read on both engines; returns the SQLite result (for the caller's non-empty checks). */
async function same<T>(read: (db: Reader) => Promise<T>): Promise<T> {
  const [onLite, onPg] = [await read(lite.db), await read(pg)];
  expect(onPg).toEqual(onLite);
  return onLite;
}

const ids = (table: typeof schema.incidents | typeof schema.teams | typeof schema.users) =>
  lite.db
    .select({ id: table.id })
    .from(table)
    .all()
    .map((r) => r.id);

test('the Reader knows its engine', () => {
  expect(engineOf(lite.db)).toBe('sqlite');
  expect(engineOf(pg)).toBe('pg');
});

describe('the incident read path reads the same on both engines', () => {
  test('each incident: by id, with details, journal, journal pages, audit, answers', async () => {
    const all = ids(schema.incidents);
    expect(all.length).toBeGreaterThan(10);
    let journals = 0;
    for (const id of all) {
      const found = await same((db) => incident.findById(db, id));
      expect(found?.id).toBe(id);
      expect((await same((db) => incident.findByIdIncludeDetails(db, id)))?.incident.id).toBe(id);
      journals += (await same((db) => incident.findJournal(db, id))).length;
      const first = await same((db) => incident.findJournalPage(db, id, { limit: 2 }));
      if (first.nextCursor !== null) {
        const cursor = first.nextCursor;
        await same((db) => incident.findJournalPage(db, id, { cursor, limit: 2 }));
      }
      await same((db) => incident.findJournalPage(db, id, { limit: 5, customerOnly: true }));
      await same((db) => incident.findAudit(db, id));
      await same((db) => incident.findByNumber(db, found!.number));
      await same((db) => routingAnswers.find(db, id));
      await same((db) => attachment.findByIncident(db, id));
      await same((db) => outbox.findByIncident(db, id));
      await same((db) => sla.findClocks(db, id));
      await same((db) => sla.earliestDue(db, id));
    }
    expect(journals).toBeGreaterThan(0);
    await same((db) => incident.findByIds(db, all.slice(0, 5)));
  });

  test('incident lists: by team, status, customer, problem, and a second page', async () => {
    const teamIds = ids(schema.teams);
    for (const teamId of teamIds) {
      const page = await same((db) => incident.list(db, { ownerTeamIds: [teamId], limit: 3 }));
      if (page.nextCursor !== null) {
        const cursor = page.nextCursor;
        await same((db) => incident.list(db, { ownerTeamIds: [teamId], cursor, limit: 3 }));
      }
    }
    const everything = await same((db) => incident.list(db, { limit: 500 }));
    expect(everything.items.length).toBeGreaterThan(10);
    await same((db) => incident.list(db, { statuses: ['new', 'assigned'], limit: 50 }));
    await same((db) =>
      incident.list(db, { problemId: null, createdSince: '2026-01-01', limit: 50 }),
    );
    for (const customerId of new Set(everything.items.map((i) => i.customerId)))
      if (customerId !== null) await same((db) => incident.list(db, { customerId, limit: 50 }));
    for (const userId of ids(schema.users))
      await same((db) => incident.list(db, { heldOrKeptBy: userId, limit: 50 }));
    await same((db) => incident.list(db, { partnerTeamIds: teamIds, limit: 50 }));
  });

  test("each team's queue grid: every sort both ways, its pages, the status counts", async () => {
    let rows = 0;
    for (const teamId of ids(schema.teams)) {
      await same((db) => queueGrid.countsByStatus(db, { teamId }));
      await same((db) => queueGrid.countsByStatus(db, { teamId, partnerTeamIds: [teamId] }));
      for (const sort of queueSorts)
        for (const dir of ['asc', 'desc'] as const) {
          const f = { teamId, statuses: null, sort, dir, limit: 2 };
          const page = await same((db) => queueGrid.page(db, f));
          rows += page.items.length;
          if (page.nextCursor) {
            const cursor = page.nextCursor;
            await same((db) => queueGrid.page(db, { ...f, cursor }));
          }
          await same((db) => queueGrid.page(db, { ...f, statuses: ['new'], limit: 10 }));
        }
    }
    expect(rows).toBeGreaterThan(0);
  });

  test('teams, people and the catalog', async () => {
    const teams = await same((db) => team.findAll(db));
    expect(teams.length).toBeGreaterThan(5);
    for (const t of teams) {
      await same((db) => team.findById(db, t.id));
      await same((db) => team.findByName(db, t.name));
      await same((db) => user.findActiveMembers(db, t.id));
      await same((db) => presence.findByTeamName(db, t.name));
      await same((db) => presence.findReadyByTeamName(db, t.name));
    }
    await same((db) =>
      team.findMailRecipients(
        db,
        teams.map((t) => t.id),
      ),
    );
    await same((db) => team.findMailRecipients(db, [teams[0]!.id]));
    expect((await same((db) => team.findSupportGroups(db))).length).toBeGreaterThan(0);
    for (const id of ids(schema.users)) {
      const u = await same((db) => user.findById(db, id));
      await same((db) => user.findByEmail(db, u!.email));
      await same((db) => user.isEmailInUse(db, u!.email));
      await same((db) => user.findTeams(db, id));
      await same((db) => user.findActorById(db, id));
      await same((db) => user.findSessionActor(db, id, u!.sessionVersion));
      await same((db) => user.findSessionVersion(db, id));
      await same((db) => user.findAssignable(db, id));
      await same((db) => viewer.followedIncidentIds(db, id));
      await same((db) => sla.teamsLedBy(db, id));
    }
    await same((db) => user.findByRoles(db, ['l1', 'cps', 'admin']));
    const services = await same((db) => catalog.findAllServices(db));
    expect(services.length).toBeGreaterThan(5);
    for (const s of services) {
      await same((db) => catalog.findServiceById(db, s.id));
      const path = { service: s.name, category: s.category, subcategory: s.subcategory };
      await same((db) => catalog.findServiceByPath(db, path));
    }
    for (const text of ['a', 'smith', 'DS', '%', 'no such person'])
      await same((db) => customer.search(db, text));
    const customers = lite.db.select().from(schema.customers).all();
    for (const c of customers) {
      await same((db) => customer.findById(db, c.id));
      await same((db) => customer.findByEmail(db, c.email));
      await same((db) => customer.findAddresses(db, c.id));
    }
  });

  test('settings, SLA policies and calendars, routing data, mail, on-call, the outbox', async () => {
    for (const { key } of lite.db.select().from(schema.settings).all())
      await same((db) => settings.get(db, key));
    await same((db) => settings.get(db, 'no.such.setting'));
    expect((await same((db) => sla.findPolicies(db))).length).toBeGreaterThan(0);
    await same((db) => sla.findCurrentPolicies(db));
    await same((db) => sla.calendars(db));
    await same((db) => sla.findDueWarnings(db, '2027-01-01T00:00:00.000Z'));
    await same((db) => sla.findLeads(db, ids(schema.teams)));
    await same((db) => sla.findPolicyHistory(db));
    await same((db) => sla.findTeamLeadsOverview(db));
    for (const p of await sla.findPolicies(lite.db))
      await same((db) => sla.findPolicyInForce(db, p));
    await same((db) => routingData.routingContext(db));
    await same((db) => routingData.findLeadership(db));
    await same((db) => mailTemplate.findAll(db));
    const contacts = await same((db) => oncall.findAll(db));
    for (const c of contacts) await same((db) => oncall.findById(db, c.id));
    await same((db) => outbox.findRecent(db));
    await same((db) => outbox.list(db, { limit: 3 }));
    await same((db) => outbox.countByStatus(db));
    await same((db) => outbox.findDue(db, '2027-01-01T00:00:00.000Z'));
    await same((db) => outbox.findPending(db));
    await same((db) => adminAudit.page(db, { limit: 5 }));
    await same((db) => adminAudit.countActiveAdmins(db));
    await same((db) => viewer.collisions(db, now, null));
  });

  test('problems, outages, consults, notifications, organisations, the portal', async () => {
    const problems = await same((db) => problem.list(db));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      await same((db) => problem.findById(db, p.id));
      await same((db) => problem.findByNumber(db, p.number));
      await same((db) => problem.findFacts(db, p.id));
      await same((db) => problem.findByIdIncludeDetails(db, p.id));
      await same((db) => problem.findAttached(db, p.id));
      await same((db) => problem.countOpenAttached(db, p.id));
      await same((db) => problem.findQueuedMessages(db, p.id));
      await same((db) => problem.findJournal(db, p.id));
      await same((db) => problem.findAudit(db, p.id));
      await same((db) => consult.findOpenUnderProblem(db, p.id));
    }
    await same((db) => problem.list(db, { statuses: ['open'], ownerTeamIds: ids(schema.teams) }));
    const board = await same((db) => outage.listBoard(db, { resolvedSince: '2026-01-01' }));
    expect(board.length).toBeGreaterThan(0);
    for (const o of board) {
      await same((db) => outage.findById(db, o.id));
      await same((db) => outage.findByNumber(db, o.number));
      await same((db) => consult.findOpenUnderOutage(db, o.id));
      for (const s of o.services) await same((db) => outage.findByService(db, s.id));
    }
    await same((db) => outage.findOpen(db));
    for (const id of ids(schema.incidents)) {
      const i = (await incident.findById(lite.db, id))!;
      await same((db) => problem.isUnderOpenOutage(db, i));
      await same((db) => consult.findByIncident(db, id));
      await same((db) => consult.findOpenByIncident(db, id));
      await same((db) => consult.findLatestByIncident(db, id));
      await same((db) => consult.findAllOpenByIncident(db, id));
    }
    await same((db) => consult.findOpenOfIncidents(db, ids(schema.incidents)));
    const partnerTickets = lite.db.select().from(schema.partnerTickets).all();
    expect(partnerTickets.length).toBeGreaterThan(0);
    for (const id of ids(schema.incidents)) {
      await same((db) => partner.findTicket(db, id));
      await same((db) => partner.findScope(db, id));
    }
    for (const { incidentId: id } of partnerTickets) {
      await same((db) => partner.findHops(db, id));
      await same((db) => partner.findHopSummary(db, id));
      for (const u of ids(schema.users))
        await same((db) => partner.countPrivateCommentsSince(db, id, u, '2026-01-01'));
    }
    await same((db) => partner.findTicketIds(db, ids(schema.incidents)));
    await same((db) => partner.findPartnerTeamNames(db, ids(schema.incidents)));
    for (const teamId of ids(schema.teams)) await same((db) => partner.findMembers(db, teamId));
    await same((db) => partner.findOpenMemberTickets(db, ids(schema.teams)));
    await same((db) => consult.listOpenByTeam(db, 'cps'));
    await same((db) => consult.listOpenByTeam(db, 'es'));
    await same((db) => consult.nextPromptAfter(db, now));
    for (const u of lite.db.select().from(schema.users).all()) {
      const teamIds = (await user.findTeams(lite.db, u.id)).map((t) => t.id);
      await same((db) => notification.findForUser(db, { userId: u.id, teamIds, limit: 20 }));
      await same((db) => notification.countUnread(db, u.id));
      await same((db) => notification.findUnread(db, { userId: u.id }));
    }
    const orgs = await same((db) => organisation.findAll(db));
    expect(orgs.length).toBeGreaterThan(0);
    await same((db) => organisation.findAllDomains(db));
    for (const o of orgs) {
      await same((db) => organisation.findById(db, o.id));
      await same((db) => organisation.findByName(db, o.name));
    }
    await same((db) => organisation.findPartnerTeams(db));
    await same((db) =>
      organisation.findEndUsers(
        db,
        orgs.map((o) => o.id),
      ),
    );
    await same((db) => organisation.findCustomerByEmail(db, 'rita@badgerhealth.example'));
    await same((db) => portal.findPortalSystemActor(db));
    await same((db) => portal.findCustomerFacingServices(db));
    await same((db) => portal.findTpReview(db, { state: 'review', limit: 10 }));
    await same((db) => portal.findTpReview(db, { state: 'waiting', limit: 10 }));
  });

  test('the reports by scan, for every team and all', async () => {
    const f = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
    const all = await same((db) => reports.load(db, f));
    expect(all.incidents.length).toBeGreaterThan(0);
    for (const teamId of ids(schema.teams)) await same((db) => reports.load(db, { ...f, teamId }));
  });

  test('the dashboard from its rollups, whole days and partial ones, for every team and all', async () => {
    // GROUP BY hands its groups over in no promised order, on either engine: compare them sorted.
    const sorted = (t: Awaited<ReturnType<typeof reportTotals.loadTotals>>) =>
      Object.fromEntries(
        Object.entries(t).map(([k, v]) => [
          k,
          Array.isArray(v) && k !== 'backlog'
            ? [...(v as unknown[])].sort((a, b) =>
                JSON.stringify(a).localeCompare(JSON.stringify(b)),
              )
            : v,
        ]),
      );
    const ranges = [
      { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      { from: '2026-11-20T13:30:00.000Z', to: '2026-11-24T18:00:00.000Z' },
    ];
    let contacts = 0;
    for (const range of ranges)
      for (const teamId of [undefined, ...ids(schema.teams)]) {
        const f = { ...range, teamId };
        const totals = await same(async (db) => sorted(await reportTotals.loadTotals(db, f, now)));
        contacts += (totals.contacts as unknown[]).length;
      }
    expect(contacts).toBeGreaterThan(0);
  });

  test('inbound mail: thread candidates, caps, last resolve, the Mail page', async () => {
    const sent = lite.db.select().from(schema.outbox).all();
    expect(sent.length).toBeGreaterThan(0);
    const found = await same((db) =>
      inboundMail.findThreadCandidates(db, sent.map((m) => m.messageId).reverse()),
    );
    expect(found.length).toBeGreaterThan(0);
    for (const m of sent) {
      await same((db) => inboundMail.countNewIncidentsFromSince(db, m.toAddress, '2026-01-01'));
      await same((db) => inboundMail.countRepliesFromSince(db, m.toAddress, '2026-01-01'));
      await same((db) => inboundMail.wasTakenIn(db, m.messageId));
    }
    for (const id of ids(schema.incidents)) {
      await same((db) => inboundMail.countRepliesToSince(db, id, '2026-01-01'));
      await same((db) => inboundMail.lastResolvedAt(db, id));
    }
    await same((db) => inboundMail.countByOutcome(db));
    await same((db) => inboundMail.list(db, { limit: 10 }));
  });

  test('the change feed reads the same changes within each scope', async () => {
    const latest = async (db: Reader) => (await latestChangeQuery(db))[0]?.id ?? 0;
    expect(await same(latest)).toBeGreaterThan(0);
    const all = await same(async (db) => changesQuery(db, 0, {}, 500));
    // One of the fixture's consult changes: each scope below holds it and leaves others out.
    const some = all.find((c) => c.entity === 'consult');
    const scopes: ChangeScope[] = [
      { entities: ['incident'] },
      { teamIds: some!.teamIds },
      { userIds: some!.userIds },
      { entities: ['consult'], teamIds: some!.teamIds, userIds: some!.userIds },
    ];
    for (const scope of scopes) {
      const scoped = await same(async (db) => changesQuery(db, 0, scope, 500));
      expect(scoped.length).toBeGreaterThan(0);
      expect(scoped.length).toBeLessThan(all.length);
    }
    expect(await same(async (db) => changesQuery(db, 0, { teamIds: [], userIds: [] }))).toEqual([]);
    await same(async (db) => changesQuery(db, some!.id, {}, 3));
  });

  test('reads inside a pg transaction see the same rows', async () => {
    const [id] = ids(schema.incidents);
    const inTx = await pgDb.db.transaction((tx) => incident.findById(pgReader(tx), id!));
    expect(inTx).toEqual(await incident.findById(lite.db, id!));
  });
});

describe('search dispatches on the engine', () => {
  const terms = (text: string) => {
    const parsed = parseSearchQuery(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed;
  };

  let hits = 0;

  test.each([
    'incident',
    'level one',
    'phone',
    'password',
    'pass',
    'laptop',
    'uwnet',
    'casey',
    'school',
    'netid',
    'no such words',
  ])('the same hits, ranks and snippets for "%s", for staff and a customer', async (text) => {
    const staff = await same((db) =>
      search.searchIncidents(db, { search: terms(text), limit: 50 }),
    );
    hits += staff.items.length;
    for (const customerId of new Set(staff.items.map((i) => i.customerId)))
      if (customerId !== null)
        await same((db) =>
          search.searchIncidents(db, { search: terms(text), customerId, limit: 50 }),
        );
    await same((db) => search.searchProblemsAndOutages(db, terms(text), 5));
  });

  test('the words above found incidents (the comparisons were not of empty pages)', () => {
    expect(hits).toBeGreaterThan(5);
  });

  test('the exact-number shortcut', async () => {
    const [first] = lite.db.select().from(schema.incidents).limit(1).all();
    expect(await same((db) => search.findNumberInScope(db, first!.number, {}))).not.toBeNull();
  });
});
