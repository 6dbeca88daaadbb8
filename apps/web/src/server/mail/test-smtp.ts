// Test helpers: a real SMTP receiver (smtp-server) on an ephemeral port, and a settable clock.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach } from 'vitest';
import { type Db } from '@handoff/db';
import { createTestDb, type TestDb } from '../test-callers';
import { startInboundListener } from './inbound-listener';

export interface Received {
  envelopeFrom: string;
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/**
 * Starts a receiver on 127.0.0.1:0. `refuse(n)` may return an SMTP error for the n-th DATA (1-based),
 * e.g. a 451 for the first attempt only.
 */
export async function startReceiver({
  refuse,
}: { refuse?: (n: number) => { code: number; message: string } | null } = {}) {
  const received: Received[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        attempts += 1;
        const refusal = refuse?.(attempts);
        if (refusal)
          return callback(
            Object.assign(new Error(refusal.message), { responseCode: refusal.code }),
          );
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
              raw: raw.toString('utf8'),
              parsed,
            });
            callback();
          },
          (e: Error) => callback(e),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A clock the test moves by hand: backoff is tested without waiting minutes. */
export function manualClock(start = '2026-11-25T15:00:00.000Z') {
  let at = Date.parse(start);
  return {
    now: () => new Date(at).toISOString(),
    set: (iso: string) => void (at = Date.parse(iso)),
    advance: (minutes: number) => void (at += minutes * 60_000),
  };
}

/** The value of a header as a string (mailparser parses some into objects). */
export function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** The listener's settings in tests: the help desk's mailbox, small limits. */
export const testListenerConfig = {
  inboundAddress: 'help@handoff.test',
  ownAddresses: ['help@handoff.test'],
  maxMessageBytes: 64 * 1024,
  maxAttachmentBytes: 2_000,
};

export type SendResult =
  | { ok: true; messageId: string; response: string }
  | { ok: false; code: number | undefined; message: string };

/** Starts the inbound listener on 127.0.0.1:0 with an SMTP client that sends it real mail. */
export async function startTestListener({ db, now }: { db: Db; now: () => string }) {
  const listener = await startInboundListener({
    db,
    port: 0,
    now,
    config: testListenerConfig,
    log: { error: () => undefined, warn: () => undefined },
  });
  const client = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });
  /** Sends real SMTP to the listener; resolves with the reply, or with the SMTP error. */
  const send = async (mail: SendMailOptions): Promise<SendResult> => {
    try {
      const info = (await client.sendMail({ to: testListenerConfig.inboundAddress, ...mail })) as {
        messageId: string;
        response: string;
      };
      return { ok: true, messageId: info.messageId, response: info.response };
    } catch (e) {
      const err = e as { responseCode?: number; message: string };
      return { ok: false, code: err.responseCode, message: err.message };
    }
  };
  return {
    send,
    sendRaw: (raw: string, from: string) =>
      send({ envelope: { from, to: testListenerConfig.inboundAddress }, raw }),
    close: async () => {
      client.close();
      await listener.close();
    },
  };
}

export type TestListener = Awaited<ReturnType<typeof startTestListener>>;

/**
 * Registers hooks that give every test its own seeded database, a manual clock and a listener on
 * it; `current()` inside a test returns them.
 */
export function useTestListener(start = '2026-11-25T15:00:00.000Z') {
  let current:
    | { t: TestDb; db: Db; clock: ReturnType<typeof manualClock>; listener: TestListener }
    | undefined;
  beforeEach(async () => {
    const t = createTestDb();
    const clock = manualClock(start);
    current = {
      t,
      db: t.db,
      clock,
      listener: await startTestListener({ db: t.db, now: clock.now }),
    };
  });
  afterEach(async () => {
    await current?.listener.close();
    current?.t.close();
    current = undefined;
  });
  return {
    current() {
      if (!current) throw new Error('No test listener outside a test.');
      return current;
    },
  };
}
