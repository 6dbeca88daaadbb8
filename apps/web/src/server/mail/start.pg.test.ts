// The mail services on PostgreSQL (issue 20): started on a pg Reader they take the `mail-services`
// lease on pg (once among the servers on the database), and the delivery worker runs there.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { findLease, keepLease, outboxRepository, type Db } from '@handoff/db';
import { createPgDb, pgReader, type PgDb } from '@handoff/db/pg';
import { copyToPg, type PgCopy } from '@handoff/db/pg/testing';
import { buildIncident, queueMail } from '@handoff/db/testing/builders';
// The SQLite source the pg copy is moved from: opened on purpose in the pg run.
import { createTestDb, type TestDb } from '@handoff/db/testing';
import { type MailConfig } from './config';
import { mailLeaseName, mailServiceStatus, startMailServices, stopMailServices } from './start';

let lite: TestDb;
let pg: PgCopy;
/** This server's Reader, and another server's pool on the same database. */
let a: Db;
let poolB: PgDb;
beforeAll(async () => {
  lite = createTestDb({ seed: false });
  await queueMail(
    lite.db,
    [
      {
        incidentId: (await buildIncident(lite.db)).id,
        template: 't',
        toAddress: 'a@b.edu',
        toName: null,
        subject: 's',
        textBody: 'b',
      },
    ],
    '2026-11-25T09:00:00.000Z',
  );
  pg = await copyToPg(lite.db);
  a = pg.reader;
  poolB = createPgDb(pg.url, { max: 2 });
}, 60_000);
afterEach(() => stopMailServices());
afterAll(async () => {
  await poolB?.$client.end();
  lite?.close();
  await pg?.close();
});

const config = (inboundPort: number): MailConfig => ({
  smtpUrl: null,
  from: { name: 'Help Desk', address: 'help@handoff.test' },
  inboundAddress: 'help@handoff.test',
  appUrl: 'http://localhost:3000',
  ownAddresses: ['help@handoff.test'],
  inboundPort,
  maxMessageBytes: 1024 * 1024,
  maxAttachmentBytes: 1024,
  workerIntervalMs: 60_000,
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('mail services on a pg Reader', () => {
  test('the delivery worker runs on pg: without SMTP_URL it holds the queued mail', async () => {
    const status = await startMailServices({ config: config(0), db: a });
    expect(status).toMatchObject({ smtp: null, inbound: { state: 'off' } });
    expect((await findLease(a, mailLeaseName))?.holder).toEqual(expect.any(String));
    await vi.waitFor(async () =>
      expect(await outboxRepository.countByStatus(a)).toMatchObject({ held: 1, pending: 0 }),
    );
    await stopMailServices();
    expect(await findLease(a, mailLeaseName)).toBeUndefined();
  });

  test('of two servers only the lease holder runs them; the other takes over once it stops', async () => {
    const port = await freePort();
    let runningOnB = false;
    // Server B starts first and holds the lease on the same database.
    const b = keepLease(pgReader(poolB), {
      name: mailLeaseName,
      holder: 'server-b',
      ttlMs: 300,
      start: () => void (runningOnB = true),
      stop: () => void (runningOnB = false),
    });
    await b.ready;
    const status = await startMailServices({ config: config(port), db: a, leaseTtlMs: 300 });
    expect(status.inbound).toEqual({ state: 'elsewhere', holder: 'server-b' });
    expect(runningOnB).toBe(true);
    // Not started here: the port is still free.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    // B shuts down (frees the lease): this server takes the services over.
    await b.stop();
    await vi.waitFor(
      async () =>
        expect((await mailServiceStatus())?.inbound).toEqual({
          state: 'listening',
          address: `127.0.0.1:${port}`,
        }),
      { timeout: 3_000, interval: 50 },
    );
    expect((await findLease(a, mailLeaseName))?.holder).not.toBe('server-b');
  });
});
