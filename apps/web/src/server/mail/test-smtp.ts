// Test helpers: a real SMTP receiver (smtp-server) on an ephemeral port, and a settable clock.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

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
export async function startReceiver({ refuse }: { refuse?: (n: number) => { code: number; message: string } | null } = {}) {
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
        if (refusal) return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
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
