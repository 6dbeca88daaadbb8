// Issue 15: search finds what the actor may read, exactly as the lists and the incident page do.
import { describe, expect, test } from 'vitest';
import { type Role } from '@handoff/domain';
import { asc } from 'drizzle-orm';
import { first, tablesOf, userRepository, type Db } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, loginOf, refusalOf, steppingClock, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
/** The catalog entry the world's incidents are filed under. */
const anyService = (db: Db) => demoKeys(db).service('DoIT Departmental Support').id;

/**
 * A world of four incidents that all say "Zyzzyva" somewhere:
 * - casey: Casey Customer's own case, with an internal note (about an internal attachment) and a public reply;
 * - other: another customer's incident;
 * - partner A's and partner B's channel-partner tickets.
 */
async function world() {
  const db = dbs.db;
  const clock = steppingClock();
  const as = (email: string) => callerFor(db, email, clock);
  const l1 = await as(loginOf.l1);
  const casey = (await userRepository.findActorById(
    db,
    (await userRepository.findByEmail(db, loginOf.customer))!.id,
  ))!;
  const caseyCase = await l1.incident.create({
    callerName: 'Casey Customer',
    callerPhone: '608-555-0142',
    customerId: casey.customerId,
    serviceId: anyService(db),
    description: 'Zyzzyva laptop will not wake from sleep.',
    channel: 'phone',
    computerName: 'QWERTZLAB-07',
  });
  await l1.incident.addNote({
    incidentId: caseyCase.id,
    body: 'Internal: zyzzyva firmware is known bad, see grimoire-secret.pdf',
    visibility: 'internal',
  });
  await l1.incident.addNote({
    incidentId: caseyCase.id,
    body: 'We ordered a replacement zyzzyva charger.',
    visibility: 'customer',
  });
  await db.insert(tablesOf(db).attachments).values({
    incidentId: caseyCase.id,
    filename: 'grimoire-secret.pdf',
    contentType: 'application/pdf',
    size: 2,
    content: Buffer.from('hi'),
    visibility: 'internal',
    createdAt: clock(),
  });
  const other = await l1.incident.create({
    callerName: 'Priya Vandermolen',
    callerPhone: '608-555-0143',
    serviceId: anyService(db),
    description: 'Zyzzyva printer in the library.',
    channel: 'phone',
  });
  const ticketA = await (
    await as('rita@badgerhealth.example')
  ).partner.submit({
    description: 'Zyzzyva patient portal loops.',
  });
  return { db, as, caseyCase, other, ticketA };
}

const numbers = (r: { items: { number: string }[] }) => r.items.map((i) => i.number).sort();

describe('search.incidents scope, for every role', () => {
  const staff: Role[] = ['l1', 'hdqa', 'cps', 'es', 'sncc', 'technologist', 'tier2', 'admin'];
  test.each(staff)('%s finds every incident, internal notes included', async (role) => {
    const w = await world();
    const r = await (await w.as(loginOf[role])).search.incidents({ q: 'zyzzyva' });
    expect(numbers(r)).toEqual([w.caseyCase.number, w.other.number, w.ticketA.number].sort());
    const internal = await (await w.as(loginOf[role])).search.incidents({ q: 'firmware grimoire' });
    expect(numbers(internal)).toEqual([w.caseyCase.number]);
    expect(internal.items[0]?.matchedIn).toBe('journal');
  });

  test('a customer finds only their own case, never through an internal note or field', async () => {
    const w = await world();
    const casey = w.as(loginOf.customer);
    const r = await (await casey).search.incidents({ q: 'zyzzyva' });
    expect(numbers(r)).toEqual([w.caseyCase.number]);
    expect(r.items[0]).toMatchObject({ ownerTeamName: null, ownerAgentName: null });
    for (const q of ['firmware', 'grimoire', 'grimoire-secret.pdf', 'qwertzlab'])
      expect(numbers(await (await casey).search.incidents({ q }))).toEqual([]);
    // The public reply is theirs to find.
    const reply = await (await casey).search.incidents({ q: 'charger' });
    expect(numbers(reply)).toEqual([w.caseyCase.number]);
    // Someone else's incident, even by its exact number, is not there.
    const byNumber = await (await casey).search.incidents({ q: w.other.number });
    expect(byNumber.exact).toBeNull();
    expect(numbers(byNumber)).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.outages).toEqual([]);
  });

  test("a partner agent finds only their group's tickets", async () => {
    const w = await world();
    const parker = w.as('partner@handoff.test');
    expect(numbers(await (await parker).search.incidents({ q: 'zyzzyva' }))).toEqual([
      w.ticketA.number,
    ]);
    expect((await (await parker).search.incidents({ q: w.other.number })).exact).toBeNull();
    expect((await (await parker).search.incidents({ q: 'zyzzyva' })).problems).toEqual([]);
  });

  test('a partner agent of another group finds none of them', async () => {
    const w = await world();
    const db: Db = w.db;
    const { teams, users, teamMembers } = tablesOf(db);
    const [groupB] = await db
      .insert(teams)
      .values({ name: 'Other Partner Support', kind: 'partner' })
      .returning();
    const [quinn] = await db
      .insert(users)
      .values({
        email: 'quinn@other.test',
        name: 'Quinn',
        role: 'partner_agent',
        passwordHash: 'x',
      })
      .returning();
    await db.insert(teamMembers).values({ userId: quinn!.id, teamId: groupB!.id });
    expect(
      numbers(await (await w.as('quinn@other.test')).search.incidents({ q: 'zyzzyva' })),
    ).toEqual([]);
  });

  test('signed out, search is refused', async () => {
    const w = await world();
    expect(
      (await refusalOf((await callerFor(w.db, null)).search.incidents({ q: 'zyzzyva' }))).code,
    ).toBe('UNAUTHORIZED');
  });
});

describe('search.incidents ranking, snippets, numbers, filters and pages', () => {
  test('a surname in the caller outranks the same word in a description; snippets mark the hit', async () => {
    const w = await world();
    const l1 = w.as(loginOf.l1);
    const mention = await (
      await l1
    ).incident.create({
      callerName: 'Ann Other',
      callerPhone: '608-555-0150',
      serviceId: anyService(w.db),
      description: 'Asked on behalf of Vandermolen about <script>alert(1)</script>.',
      channel: 'phone',
    });
    const r = await (await l1).search.incidents({ q: 'vandermol' });
    expect(r.items.map((i) => i.number)).toEqual([w.other.number, mention.number]);
    const snippet = r.items[1]!.snippet;
    expect(snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['Vandermolen']);
    // Stored markup comes back as plain text to render, never as markup.
    expect(snippet.map((s) => s.text).join('')).toContain('<script>alert(1)</script>');
  });

  test('an incident number, with or without INC- and zeros, is the exact match', async () => {
    const w = await world();
    const l1 = w.as(loginOf.l1);
    const digits = String(Number(w.other.number.slice(4)));
    for (const q of [w.other.number, digits, `inc${digits}`])
      expect((await (await l1).search.incidents({ q })).exact?.number).toBe(w.other.number);
  });

  test('filters: status, team, service, channel and created between', async () => {
    const w = await world();
    const l1 = w.as(loginOf.l1);
    const all = await (await l1).search.incidents({ q: 'zyzzyva' });
    const [first] = all.items;
    expect(numbers(await (await l1).search.incidents({ q: 'zyzzyva', channel: 'chat' }))).toEqual(
      [],
    );
    expect(
      numbers(await (await l1).search.incidents({ q: 'zyzzyva', status: 'resolved' })),
    ).toEqual([]);
    expect(numbers(await (await l1).search.incidents({ q: 'zyzzyva', serviceId: 9999 }))).toEqual(
      [],
    );
    const teamOfTicket = (await (await l1).search.incidents({ q: w.ticketA.number })).exact!;
    expect(teamOfTicket.ownerTeamName).toBeTruthy();
    const day = first!.createdAt.slice(0, 10);
    expect(
      numbers(
        await (await l1).search.incidents({ q: 'zyzzyva', createdFrom: day, createdTo: day }),
      ),
    ).toEqual(numbers(all));
    expect(
      numbers(
        await (
          await l1
        ).search.incidents({
          q: 'zyzzyva',
          createdFrom: '2001-01-01',
          createdTo: '2001-01-02',
        }),
      ),
    ).toEqual([]);
    const l1Team = (await (await l1).queue.teams())[0]!;
    const inTeam = await (await l1).search.incidents({ q: 'zyzzyva', teamId: l1Team.id });
    expect(inTeam.items.every((i) => i.ownerTeamName === l1Team.name)).toBe(true);
  });

  test('load more: keyset pages return every match once', async () => {
    const w = await world();
    const l1 = await w.as(loginOf.l1);
    const seen: string[] = [];
    let cursor: { rank: number; id: number } | null = null;
    do {
      const page: Awaited<ReturnType<typeof l1.search.incidents>> = await l1.search.incidents({
        q: 'zyzzyva',
        limit: 1,
        cursor,
      });
      seen.push(...page.items.map((i) => i.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([w.caseyCase.number, w.other.number, w.ticketA.number].sort());
  });

  test('problems and outages are found by title and number', async () => {
    const w = await world();
    const hdqa = w.as(loginOf.hdqa);
    const { problems, outages } = tablesOf(w.db);
    const problem = (await first(w.db.select().from(problems).orderBy(asc(problems.id))))!;
    const outage = (await first(w.db.select().from(outages).orderBy(asc(outages.id))))!;
    const byNumber = await (await hdqa).search.incidents({ q: problem.number });
    expect(byNumber.problems.map((p) => p.number)).toEqual([problem.number]);
    const byTitle = await (
      await hdqa
    ).search.incidents({
      q: outage.title.split(' ').slice(0, 2).join(' '),
    });
    expect(byTitle.outages.map((o) => o.number)).toContain(outage.number);
  });
});

describe('search.incidents bad input: a clear message or results, never a 5xx', () => {
  test.each([
    ['empty', ''],
    ['spaces', '    '],
    ['only punctuation', '!?*"-()'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['too many words', 'a b c d e f g h i j k l m'],
  ])('%s: BAD_REQUEST with a message', async (_, q) => {
    const w = await world();
    const refusal = await refusalOf((await w.as(loginOf.l1)).search.incidents({ q }));
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.fields.q).toBeTruthy();
  });

  test.each([
    ['a double quote', '"zyzzyva'],
    ['a star', 'zyzz*'],
    ['NEAR', 'NEAR(zyzzyva'],
    ['OR', 'zyzzyva OR'],
    ['a minus', '-zyzzyva'],
    ['a column filter', 'description:zyzzyva'],
    ['unicode', 'zyzzyva ✓ Ünïcødé'],
  ])('%s: searched as text', async (_, q) => {
    const w = await world();
    const r = await (await w.as(loginOf.l1)).search.incidents({ q });
    expect(Array.isArray(r.items)).toBe(true);
  });

  test('FTS syntax is matched as words: "zyzzyva OR" needs both words', async () => {
    const w = await world();
    const l1 = w.as(loginOf.l1);
    // Only Casey's reply has zyzzyva and a word starting "or" ("ordered"): OR was a word, not a union.
    expect(numbers(await (await l1).search.incidents({ q: 'zyzzyva OR' }))).toEqual([
      w.caseyCase.number,
    ]);
    expect((await (await l1).search.incidents({ q: '-zyzzyva' })).items.length).toBe(3);
  });

  test('created from after created to is refused', async () => {
    const w = await world();
    const refusal = await refusalOf(
      (await w.as(loginOf.l1)).search.incidents({
        q: 'x',
        createdFrom: '2026-02-02',
        createdTo: '2026-01-01',
      }),
    );
    expect(refusal.code).toBe('BAD_REQUEST');
  });
});
