import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { findLease, outboxRepository, tryLease, type Db } from '@handoff/db';
import { buildIncident, queueMail } from '@handoff/db/testing/builders';
import { createTestDb, type TestDb } from '../test-callers';
import { type MailConfig } from './config';
import { mailLeaseName, mailServiceStatus, startMailServices, stopMailServices } from './start';

let t: TestDb;
let db: Db;
let blocker: Server | undefined;
beforeEach(() => {
  t = createTestDb({ seed: false });
  db = t.db;
});
afterEach(async () => {
  await stopMailServices();
  await new Promise<void>((resolve) => (blocker ? blocker.close(() => resolve()) : resolve()));
  blocker = undefined;
  t.close();
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

/** A port that was free a moment ago (bind to 0, read it, release it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('mail services started with the server', () => {
  test('INBOUND_SMTP_PORT=0: no listener; without SMTP_URL the worker holds queued mail', async () => {
    await queueMail(
      db,
      [
        {
          incidentId: (await buildIncident(db)).id,
          template: 't',
          toAddress: 'a@b.edu',
          toName: null,
          subject: 's',
          textBody: 'b',
        },
      ],
      '2026-11-25T09:00:00.000Z',
    );
    const status = await startMailServices({ config: config(0), db });
    expect(status).toMatchObject({ smtp: null, inbound: { state: 'off' } });
    await vi.waitFor(async () =>
      expect(await outboxRepository.countByStatus(db)).toMatchObject({ held: 1, pending: 0 }),
    );
  });

  test('listens on 127.0.0.1 at the configured port; a second start is the first one (no double start)', async () => {
    const port = await freePort();
    const first = await startMailServices({ config: config(port), db });
    expect(first.inbound).toEqual({ state: 'listening', address: `127.0.0.1:${port}` });
    // Would fail with EADDRINUSE if it really started a second listener.
    const second = await startMailServices({ config: config(port), db });
    expect(second).toBe(first);
    expect(await mailServiceStatus()).toBe(first);
  });

  test('a port already taken does not stop the app: the status says why', async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const status = await startMailServices({ config: config(port), db });
    expect(status.inbound).toEqual({
      state: 'error',
      error: expect.stringContaining('EADDRINUSE'),
    });
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  test('with another server process holding the lease nothing starts here, until its lease runs out', async () => {
    const port = await freePort();
    // Another process on this database holds the lease, and then dies without renewing it.
    expect(
      await tryLease(db, { name: mailLeaseName, holder: 'other:1', nowMs: Date.now(), ttlMs: 600 }),
    ).toBe(true);
    const status = await startMailServices({ config: config(port), db, leaseTtlMs: 300 });
    expect(status.inbound).toEqual({ state: 'elsewhere', holder: 'other:1' });
    // Nothing listens here: the port is still free.
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(port, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => blocker!.close(() => resolve()));
    blocker = undefined;
    await vi.waitFor(
      async () =>
        expect((await mailServiceStatus())?.inbound).toEqual({
          state: 'listening',
          address: `127.0.0.1:${port}`,
        }),
      { timeout: 3_000, interval: 50 },
    );
    expect((await findLease(db, mailLeaseName))?.holder).not.toBe('other:1');
    // Stopping frees the lease for the next process at once.
    await stopMailServices();
    expect(await findLease(db, mailLeaseName)).toBeUndefined();
  });
});
