import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { count, eq } from 'drizzle-orm';
import {
  decideClaim,
  decideComment,
  decideCreateOrganisation,
  decideEscalate,
  decideSubmitTicket,
  DomainError,
  effects,
  incidentUpdate,
  newIncidentRef,
  type Actor,
  type Incident,
} from '@handoff/domain';
import { changesSince, latestChangeId } from '../change-feed';
import { type Db } from '../client';
import { commitSync, commit } from '../commit';
import { loadPartnerEnv, loadPartnerSubmit } from '../partner-env';
import { notifications, outbox, partnerHops, partnerTickets, teamMembers, users } from '../schema';
import { seedPartnerDemoTickets } from '../seed/partner-demo';
import { createTestDb, type TestDb } from '../testing';
import * as incidentRepository from './incident';
import * as organisationRepository from './organisation';
import * as partnerRepository from './partner';
import * as teamRepository from './team';
import * as userRepository from './user';

let t: TestDb;
let db: Db;
beforeEach(() => {
  t = createTestDb();
  db = t.db;
});
afterEach(() => t.close());

let tick = 0;
const at = () => new Date(Date.parse('2026-11-25T15:00:00.000Z') + 60_000 * tick++).toISOString();
const actor = async (email: string): Promise<Actor> =>
  (await userRepository.findActorById(db, (await userRepository.findByEmail(db, email))!.id))!;
const partnerTeamId = async () =>
  (await teamRepository.findByName(db, 'Badger Health Client Support'))!.id;
const reload = async (id: number): Promise<Incident> =>
  (await incidentRepository.findById(db, id))!;
const rowsOf = (
  table: typeof outbox | typeof notifications | typeof partnerHops,
  incidentId: number,
) => db.select({ n: count() }).from(table).where(eq(table.incidentId, incidentId)).get()!.n;

async function submit(
  email = 'rita@badgerhealth.example',
  description = 'Patient portal login loops.',
) {
  const customer = (await organisationRepository.findCustomerByEmail(db, email))!;
  const now = at();
  return (
    await commit(db, async (read) =>
      decideSubmitTicket(
        await loadPartnerSubmit(read, {
          actor: await actor(email),
          customer,
          input: { description },
          channel: 'portal',
          now,
        }),
      ),
    )
  ).row('incident', newIncidentRef);
}

/** An edit by someone else (no assignee change) between a read and a write. */
const editMeanwhile = (incident: Incident, description: string) =>
  commitSync(
    db,
    effects(at(), {
      writes: [
        incidentUpdate(incident, { description, version: incident.version + 1 }, incident.version),
      ],
    }),
  );

/** Adds `n` partner agents to Badger Health's group, returning their e-mails. */
async function addPartnerAgents(n: number): Promise<string[]> {
  const team = await partnerTeamId();
  return Array.from({ length: n }, (_, i) => {
    const email = `agent${i}@partner.test`;
    const user = db
      .insert(users)
      .values({ email, name: `Agent ${i}`, role: 'partner_agent', passwordHash: 'unused' })
      .returning()
      .get();
    db.insert(teamMembers).values({ userId: user.id, teamId: team }).run();
    return email;
  });
}

describe('the demo organisation', () => {
  test('Badger Health owns badgerhealth.example, is supported by its group, and has placed end users', async () => {
    expect(await organisationRepository.findAll(db)).toEqual([
      {
        id: 1,
        name: 'Badger Health',
        partnerTeamId: await partnerTeamId(),
        partnerTeamName: 'Badger Health Client Support',
        domains: ['badgerhealth.example'],
      },
    ]);
    expect(
      (await organisationRepository.findEndUsers(db, [1])).map((u) => [u.email, u.login]),
    ).toEqual([
      ['bao@badgerhealth.example', 'bao@badgerhealth.example'],
      ['noor@badgerhealth.example', null],
      ['rita@badgerhealth.example', 'rita@badgerhealth.example'],
    ]);
    expect(
      (await partnerRepository.findMembers(db, await partnerTeamId())).map((p) => p.name),
    ).toEqual(['Parker Partner', 'Piper Partner']);
    expect(
      (
        await partnerRepository.findMembers(
          db,
          (await teamRepository.findByName(db, 'Tier 2 Support'))!.id,
        )
      ).map((p) => p.name),
    ).toEqual(['Tatum Tier2', 'Toby Tier2']);
  });

  test('a domain belongs to one organisation only (primary key)', async () => {
    // Decided on a stale read (no organisation had the domain yet): the primary key still refuses it.
    const decided = decideCreateOrganisation({
      name: 'Badger Clone',
      domains: ['badgerhealth.example'],
      organisations: [],
      nameTaken: false,
      partnerTeam: { newName: 'Clone Support', taken: false },
      actorId: (await actor('admin@handoff.test')).id,
      now: at(),
    });
    const before = latestChangeId(db);
    expect(() => commitSync(db, decided)).toThrow(
      /UNIQUE constraint failed: organisation_domains.domain/,
    );
    expect(changesSince(db, before)).toEqual([]);
    // The failed create left neither the organisation nor its new group behind.
    expect(await organisationRepository.findByName(db, 'Badger Clone')).toBeUndefined();
    expect(await teamRepository.findByName(db, 'Clone Support')).toBeUndefined();
  });
});

describe('a submitted ticket', () => {
  test('is stored with its partner row, first hop, and a notification and an e-mail per group member, in one transaction', async () => {
    const row = await submit();
    expect(row).toMatchObject({
      ownerTeamId: await partnerTeamId(),
      ownerAgentId: null,
      status: 'new',
      channel: 'portal',
    });
    expect(await partnerRepository.findTicket(db, row.id)).toMatchObject({
      organisationName: 'Badger Health',
      relationshipAgent: null,
    });
    expect(
      (await partnerRepository.findHops(db, row.id)).map((h) => [
        h.kind,
        h.toTeamName,
        h.actorName,
      ]),
    ).toEqual([['submitted', 'Badger Health Client Support', 'Rita Requester']]);
    expect(
      db
        .select()
        .from(notifications)
        .where(eq(notifications.incidentId, row.id))
        .all()
        .map((n) => [n.audience, n.subject]),
    ).toEqual([
      [
        'user',
        `Your input is needed on [${row.number}]: new ticket from Rita Requester (Badger Health)`,
      ],
      [
        'user',
        `Your input is needed on [${row.number}]: new ticket from Rita Requester (Badger Health)`,
      ],
    ]);
    expect(
      db
        .select()
        .from(outbox)
        .where(eq(outbox.incidentId, row.id))
        .all()
        .map((m) => m.toAddress),
    ).toEqual(['partner@handoff.test', 'partner2@handoff.test']);
  });
});

describe('claim: the conditional update', () => {
  test('50 claims decided on the same snapshot: exactly one assignee, 49 refused by the update condition', async () => {
    const ticket = await submit();
    const emails = await addPartnerAgents(50);
    const snapshot = await reload(ticket.id);
    const now = at();
    // Every claimer decided before anyone wrote, so only the update's condition can stop them.
    const prepared = await Promise.all(
      emails.map(async (email) =>
        decideClaim(
          await loadPartnerEnv(db, { incident: snapshot, actor: await actor(email), now }),
        ),
      ),
    );
    const outcomes = prepared.map((claim) => {
      try {
        commitSync(db, claim);
        return 'won';
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        return `${(e as DomainError).code}: ${(e as DomainError).message}`;
      }
    });
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.slice(1)).toEqual(
      Array(49).fill(
        `CONFLICT: ${ticket.number} changed while you were claiming it. Reload and claim it again.`,
      ),
    );

    const after = await reload(ticket.id);
    expect(after).toMatchObject({
      ownerAgentId: (await actor(emails[0]!)).id,
      status: 'in_progress',
      version: 2,
    });
    expect((await partnerRepository.findTicket(db, ticket.id))?.relationshipAgent?.name).toBe(
      'Agent 0',
    );
    expect((await partnerRepository.findHops(db, ticket.id)).map((h) => h.kind)).toEqual([
      'submitted',
      'claimed',
    ]);
    // The group (52 members) was told once, by the winner's claim, besides the new-ticket messages.
    expect(rowsOf(notifications, ticket.id)).toBe(52 + 2);
    expect(
      (await incidentRepository.findAudit(db, ticket.id)).filter((a) => a.field === 'ownerAgentId'),
    ).toHaveLength(1);
  });

  test('50 claims racing from 5 OS processes on the same SQLite file: exactly one assignee, 49 refusals', async () => {
    const ticket = await submit();
    const emails = await addPartnerAgents(50);
    const worker = resolve(
      dirname(fileURLToPath(import.meta.url)),
      '../testing/claim-ticket-worker.ts',
    );
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const workers = Array.from({ length: 5 }, (_, w) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          tsx,
          worker,
          t.path,
          String(ticket.id),
          emails.filter((_e, i) => i % 5 === w).join(','),
        ],
        {
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (b: Buffer) => (out += b.toString()));
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const ready = new Promise<void>((ok) =>
        child.stdout.on('data', () => out.startsWith('ready\n') && ok()),
      );
      const done = new Promise<{ email: string; ok: boolean; code?: string; message?: string }[]>(
        (ok, fail) =>
          child.on('exit', (code) =>
            code === 0
              ? ok(JSON.parse(out.slice('ready\n'.length)) as never)
              : fail(new Error(`worker ${w} exited ${code}: ${err}`)),
          ),
      );
      return { child, ready, done };
    });
    await Promise.all(workers.map((w) => w.ready));
    for (const w of workers) w.child.stdin.end('go\n');
    const outcomes = (await Promise.all(workers.map((w) => w.done))).flat();

    expect(outcomes).toHaveLength(50);
    const winners = outcomes.filter((o) => o.ok);
    expect(winners).toHaveLength(1);
    const winner = await actor(winners[0]!.email);
    const refusals = outcomes.filter((o) => !o.ok);
    expect(refusals).toHaveLength(49);
    for (const r of refusals)
      expect(r).toMatchObject({
        code: 'CONFLICT',
        message: `${ticket.number} was already claimed by ${winner.name}.`,
      });
    expect(await reload(ticket.id)).toMatchObject({ ownerAgentId: winner.id, version: 2 });
    expect(
      (await partnerRepository.findHops(db, ticket.id)).filter((h) => h.kind === 'claimed'),
    ).toHaveLength(1);
  }, 60_000);

  test('a claim of a ticket edited meanwhile matches nothing and says so', async () => {
    const ticket = await submit();
    const parker = await actor('partner@handoff.test');
    const snapshot = await reload(ticket.id);
    const claim = decideClaim(
      await loadPartnerEnv(db, { incident: snapshot, actor: parker, now: at() }),
    );
    editMeanwhile(snapshot, 'More detail.');
    expect(() => commitSync(db, claim)).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: `${ticket.number} changed while you were claiming it. Reload and claim it again.`,
      }),
    );
    expect((await reload(ticket.id)).ownerAgentId).toBeNull();
    expect(await partnerRepository.findHops(db, ticket.id)).toHaveLength(1);
  });

  test('a claim commits exactly one incident change event, for the group and the new assignee', async () => {
    const ticket = await submit();
    const parker = await actor('partner@handoff.test');
    const before = latestChangeId(db);
    await commit(db, async (read) =>
      decideClaim(
        await loadPartnerEnv(read, { incident: await reload(ticket.id), actor: parker, now: at() }),
      ),
    );
    expect(changesSince(db, before)).toEqual([
      expect.objectContaining({
        entity: 'incident',
        entityId: ticket.id,
        kind: 'partner.claim',
        teamIds: [await partnerTeamId()],
        userIds: [parker.id, (await actor('rita@badgerhealth.example')).id].sort((a, b) => a - b),
        actorId: parker.id,
      }),
      // The claim meets the group's first-response clock (issue 18): the clocks announce themselves.
      expect.objectContaining({ entity: 'slaClock', entityId: ticket.id, kind: 'clocks_changed' }),
    ]);
  });

  test('a claim failing half-way (its hop names a missing user) leaves no row, journal, mail or event', async () => {
    const ticket = await submit();
    const parker = await actor('partner@handoff.test');
    const claim = decideClaim(
      await loadPartnerEnv(db, { incident: await reload(ticket.id), actor: parker, now: at() }),
    );
    const broken = {
      ...claim,
      writes: claim.writes.map((w) =>
        w.op === 'insert' && w.entity === 'partnerHop'
          ? { ...w, values: { ...w.values, actorId: 999_999 } }
          : w,
      ),
    };
    const counts = async () => ({
      outbox: rowsOf(outbox, ticket.id),
      notifications: rowsOf(notifications, ticket.id),
      hops: rowsOf(partnerHops, ticket.id),
      journal: (await incidentRepository.findJournal(db, ticket.id)).length,
      changes: changesSince(db, 0).length,
    });
    const before = await counts();
    expect(() => commitSync(db, broken)).toThrow(/FOREIGN KEY/);
    expect(await counts()).toEqual(before);
    expect(await reload(ticket.id)).toMatchObject({ ownerAgentId: null, version: 1 });
    expect((await partnerRepository.findTicket(db, ticket.id))?.relationshipAgent).toBeNull();
  });
});

describe('escalate and comment', () => {
  test('a stale escalation changes nothing: no hop, no e-mail, no notification', async () => {
    const ticket = await submit();
    const parker = await actor('partner@handoff.test');
    commitSync(
      db,
      decideClaim(
        await loadPartnerEnv(db, { incident: await reload(ticket.id), actor: parker, now: at() }),
      ),
    );
    const incident = await reload(ticket.id);
    const escalation = decideEscalate(
      await loadPartnerEnv(db, { incident, actor: parker, now: at() }),
      {
        incidentId: ticket.id,
        expectedVersion: 2,
        privateComment: 'Stuck.',
      },
    );
    editMeanwhile(incident, 'Edited meanwhile.');
    const before = {
      outbox: rowsOf(outbox, ticket.id),
      notifications: rowsOf(notifications, ticket.id),
      hops: rowsOf(partnerHops, ticket.id),
    };
    expect(() => commitSync(db, escalation)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect({
      outbox: rowsOf(outbox, ticket.id),
      notifications: rowsOf(notifications, ticket.id),
      hops: rowsOf(partnerHops, ticket.id),
    }).toEqual(before);
    expect(await reload(ticket.id)).toMatchObject({
      ownerTeamId: await partnerTeamId(),
      version: 3,
    });
  });

  test('a private comment only appends to the journal (the version stays) and announces it as private', async () => {
    const ticket = await submit();
    const piper = await actor('partner2@handoff.test');
    const before = latestChangeId(db);
    commitSync(
      db,
      decideComment(
        await loadPartnerEnv(db, { incident: await reload(ticket.id), actor: piper, now: at() }),
        {
          body: 'Known issue?',
          visibility: 'internal',
          via: 'web',
        },
      ),
    );
    expect((await reload(ticket.id)).version).toBe(1);
    expect((await incidentRepository.findJournal(db, ticket.id))[0]).toMatchObject({
      body: 'Known issue?',
      visibility: 'internal',
      authorName: 'Piper Partner',
    });
    expect(changesSince(db, before)).toEqual([
      expect.objectContaining({
        entityId: ticket.id,
        kind: 'partner.comment.private',
        actorId: piper.id,
      }),
    ]);
  });
});

describe('seedPartnerDemoTickets', () => {
  test('one ticket waits in the partner queue, one waits for Tier 2 after a claim and an escalation', async () => {
    seedPartnerDemoTickets(db, { now: '2026-11-24T16:00:00.000Z' });
    const tickets = db.select().from(partnerTickets).all();
    expect(tickets).toHaveLength(2);
    const [waiting, escalated] = await Promise.all(tickets.map((p) => reload(p.incidentId)));
    expect(waiting).toMatchObject({
      ownerTeamId: await partnerTeamId(),
      ownerAgentId: null,
      status: 'new',
    });
    expect(escalated).toMatchObject({
      ownerTeamId: (await teamRepository.findByName(db, 'Tier 2 Support'))!.id,
      ownerAgentId: null,
      status: 'assigned',
    });
    expect(
      (await partnerRepository.findHops(db, escalated!.id)).map((h) => [h.kind, h.waitedSeconds]),
    ).toEqual([
      ['submitted', 0],
      ['claimed', 3600],
      ['escalated', 3600],
    ]);
    expect((await partnerRepository.findTicket(db, escalated!.id))?.relationshipAgent?.name).toBe(
      'Parker Partner',
    );
  });
});

describe("a partner ticket's scope (kb 003: partner agents see only their groups' tickets)", () => {
  test("findScope names the ticket's group, also while Tier 2 holds it; any other incident has none", async () => {
    seedPartnerDemoTickets(db, { now: '2026-11-24T16:00:00.000Z' });
    const [waiting, escalated] = db
      .select()
      .from(partnerTickets)
      .all()
      .map((p) => p.incidentId);
    expect(await partnerRepository.findScope(db, waiting!)).toEqual({
      partnerTeamId: await partnerTeamId(),
    });
    expect((await reload(escalated!)).ownerTeamId).toBe(
      (await teamRepository.findByName(db, 'Tier 2 Support'))!.id,
    );
    expect(await partnerRepository.findScope(db, escalated!)).toEqual({
      partnerTeamId: await partnerTeamId(),
    });
    expect(await partnerRepository.findScope(db, 1)).toEqual({ partnerTeamId: null });
  });

  test("list({ partnerTeamIds }) keeps only those groups' tickets, whichever team holds them", async () => {
    seedPartnerDemoTickets(db, { now: '2026-11-24T16:00:00.000Z' });
    const ours = db
      .select()
      .from(partnerTickets)
      .all()
      .map((p) => p.incidentId)
      .sort((a, b) => b - a);
    const idsOf = async (f: Parameters<typeof incidentRepository.list>[1]) =>
      (await incidentRepository.list(db, f)).items.map((i) => i.id);
    expect(await idsOf({ partnerTeamIds: [await partnerTeamId()], limit: 100 })).toEqual(ours);
    expect(await idsOf({ partnerTeamIds: [999], limit: 100 })).toEqual([]);
    expect(await idsOf({ partnerTeamIds: [], limit: 100 })).toEqual([]);
    // Without the bound, the university's incidents are there too.
    expect((await idsOf({ limit: 100 })).length).toBeGreaterThan(ours.length);
  });
});
