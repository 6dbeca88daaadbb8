import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { eq } from 'drizzle-orm';
import { effects, insertRow } from '@handoff/domain';
import { type Db } from '../client';
import { commitSync } from '../commit';
import { verifyPassword } from '../password';
import { ensurePortalSystemActor } from '../portal-system-actor';
import { attachments, incidents, journalEntries, services, users } from '../schema';
import { seedDemoData } from '../seed/demo';
import { createTestDb, incidentRows, type TestDb } from '../testing';
import { buildOwnedIncident } from '../testing/builders';
import * as attachmentRepository from './attachment';
import * as portalRepository from './portal';
import * as teamRepository from './team';

const now = '2026-11-24T16:00:00.000Z';
let t: TestDb;
let db: Db;
afterEach(() => t.close());

describe('with the base demo data', () => {
  beforeEach(() => {
    t = createTestDb();
    db = t.db;
  });

  test('the portal system user is made once, is an l1 with no team, and cannot sign in', async () => {
    expect(await portalRepository.findPortalSystemActor(db)).toBeUndefined();
    const first = await ensurePortalSystemActor(db, '2026-11-24T16:00:00.000Z');
    const second = await ensurePortalSystemActor(db, '2026-11-24T16:00:00.000Z');
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      name: 'Help Online (portal)',
      role: 'l1',
      teamIds: [],
      customerId: null,
    });
    const row = db.select().from(users).where(eq(users.id, first.id)).get()!;
    for (const guess of ['', '!no-sign-in', 'handoff-demo'])
      expect(await verifyPassword(guess, row.passwordHash)).toBe(false);
  });

  test('customer-facing services leave out the agents’ after-hours bucket', async () => {
    const names = (await portalRepository.findCustomerFacingServices(db)).map(
      (s) => `${s.name} › ${s.subcategory}`,
    );
    expect(names).toContain('NetID › Password reset');
    expect(names).not.toContain('DoIT Departmental Support › Unclassified');
    expect(names).toHaveLength(db.select().from(services).all().length - 1);
  });

  test('attachments are stored with their size and listed without their bytes', async () => {
    const { incident, agent } = await buildOwnedIncident(db);
    const bytes = Buffer.from('hello, help desk');
    const [file] = attachmentRepository.decodeUploads([
      { fileName: 'note.txt', contentType: 'text/plain', dataBase64: bytes.toString('base64') },
    ]);
    commitSync(
      db,
      effects(now, {
        writes: [
          insertRow('attachment', {
            ...file!,
            incidentId: incident.id,
            inboundMailId: null,
            skippedReason: null,
            visibility: 'customer',
            uploadedById: agent.id,
            createdAt: now,
          }),
        ],
      }),
    );
    const [listed] = await attachmentRepository.findByIncident(db, incident.id);
    expect(listed).toEqual({
      id: expect.any(Number),
      filename: 'note.txt',
      contentType: 'text/plain',
      size: bytes.length,
      skippedReason: null,
      visibility: 'customer',
      createdAt: now,
    });
    expect((await attachmentRepository.findById(db, listed!.id))?.content?.equals(bytes)).toBe(
      true,
    );
    // Deleting the incident takes its files with it.
    db.delete(incidents).where(eq(incidents.id, incident.id)).run();
    expect(db.select().from(attachments).all()).toEqual([]);
  });
});

describe('with the Help Online demo cases', () => {
  beforeEach(() => {
    t = createTestDb({ seed: false });
    db = t.db;
    seedDemoData(db, { now });
  });

  test('the TP review queue: the two cases in review, oldest first, paged', async () => {
    const first = await portalRepository.findTpReview(db, { state: 'review', limit: 1 });
    expect(
      first.items.map((i) => [i.customerName, i.serviceName, i.peopleAffected, i.tpTriage]),
    ).toEqual([['Kai Partner', 'Remote Desktop Gateway', null, 'review']]);
    const second = await portalRepository.findTpReview(db, {
      state: 'review',
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((i) => [i.customerName, i.peopleAffected])).toEqual([
      ['Lena Fischer', 9],
    ]);
    expect(second.nextCursor).toBeNull();
    expect(
      (await portalRepository.findTpReview(db, { state: 'waiting', limit: 10 })).items,
    ).toEqual([]);
  });

  test('a case waiting for the customer is listed as waiting, not in review', async () => {
    const [kai] = (await portalRepository.findTpReview(db, { state: 'review', limit: 1 })).items;
    incidentRows.update(db, {
      id: kai!.id,
      expectedVersion: kai!.version,
      changes: {
        status: 'pending_customer',
        tpTriage: 'info_requested',
        version: kai!.version + 1,
      },
      audit: [],
    });
    expect(
      (await portalRepository.findTpReview(db, { state: 'review', limit: 10 })).items.map(
        (i) => i.customerName,
      ),
    ).toEqual(['Lena Fischer']);
    expect(
      (await portalRepository.findTpReview(db, { state: 'waiting', limit: 10 })).items.map(
        (i) => i.id,
      ),
    ).toEqual([kai!.id]);
  });

  test('the escalated demo case: Middleware owns it, with the respond-by the TP reads in the portal', async () => {
    const escalated = db.select().from(incidents).where(eq(incidents.tpTriage, 'escalated')).get()!;
    expect(escalated).toMatchObject({
      channel: 'portal',
      status: 'assigned',
      peopleAffected: 25,
      version: 3,
    });
    expect((await teamRepository.findById(db, escalated.ownerTeamId))?.name).toBe('Middleware');
    expect(escalated.promises.respondBy).toBeDefined();
    const visible = db
      .select()
      .from(journalEntries)
      .where(eq(journalEntries.incidentId, escalated.id))
      .all()
      .filter((j) => j.visibility === 'customer');
    expect(visible.map((j) => j.body)).toEqual([
      expect.stringMatching(/^We received your case/),
      expect.stringMatching(/^Your case is mission critical and was escalated/),
    ]);
  });
});
