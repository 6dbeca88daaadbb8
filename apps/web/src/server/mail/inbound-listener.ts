// The inbound SMTP listener (smtp-server + mailparser): every message is parsed and handed to the
// intake; bad mail (too large, unreadable, empty) is refused with a clear reason and logged, and
// nothing a sender does can crash the listener.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { htmlToText, intakeLog, parseMessageIds, type InboundMessage } from '@handoff/domain';
import { commit, type Db } from '@handoff/db';
import { type MailConfig } from './config';
import { receiveInbound, type InboundAttachment, type IntakeResult } from './inbound-intake';

type ListenerConfig = Pick<
  MailConfig,
  'inboundAddress' | 'ownAddresses' | 'maxMessageBytes' | 'maxAttachmentBytes'
>;

const smtpError = (responseCode: number, message: string) =>
  Object.assign(new Error(message), { responseCode });

// Headers the noise rules read, taken from the raw lines so any value shape survives.
const noiseHeaders = ['auto-submitted', 'precedence', 'list-id', 'x-autoreply', 'x-autorespond'];

function headerValues(parsed: ParsedMail): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    if (!noiseHeaders.includes(key) || key in values) continue;
    values[key] = line
      .slice(line.indexOf(':') + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  return values;
}

const safeFilename = (name: string | undefined, i: number) =>
  (name ?? '')
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200) || `attachment-${i + 1}`;

/** The parsed message as the domain's inbound rules read it. */
export function toInboundMessage(
  parsed: ParsedMail,
  envelopeFrom: string,
): { message: InboundMessage; attachments: InboundAttachment[] } {
  const from = parsed.from?.value.find((a) => a.address);
  const attachments = parsed.attachments.map((a, i) => ({
    filename: safeFilename(a.filename, i),
    contentType: (a.contentType || 'application/octet-stream').slice(0, 200),
    size: a.size ?? a.content.length,
    content: a.content,
  }));
  const text = parsed.text?.trim()
    ? parsed.text
    : typeof parsed.html === 'string'
      ? htmlToText(parsed.html)
      : '';
  return {
    message: {
      envelopeFrom,
      from: from?.address ? { address: from.address, name: from.name || null } : null,
      subject: (parsed.subject ?? '').trim(),
      messageId: parseMessageIds(parsed.messageId)[0] ?? null,
      inReplyTo: parseMessageIds(parsed.inReplyTo),
      references: parseMessageIds(parsed.references),
      headers: headerValues(parsed),
      // No-break spaces from HTML read as plain spaces on the journal.
      text: text.replace(/\u00a0/g, ' ').trim(),
      attachmentCount: attachments.length,
    },
    attachments,
  };
}

const envelopeSender = (session: SMTPServerSession): string =>
  session.envelope.mailFrom ? session.envelope.mailFrom.address : '';

/** Reads the DATA stream, keeping at most `limit` bytes (the rest is drained, not buffered). */
function readStream(
  stream: SMTPServerDataStream,
  limit: number,
): Promise<{ raw: Buffer; size: number; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () =>
      resolve({ raw: Buffer.concat(chunks), size, tooLarge: stream.sizeExceeded || size > limit }),
    );
  });
}

export interface InboundListener {
  port: number;
  close(): Promise<void>;
}

/** Starts listening on `host:port` (port 0 = any free port, for tests); resolves once bound. */
export async function startInboundListener({
  db,
  port,
  host = '127.0.0.1',
  now,
  config,
  log = console,
}: {
  db: Db;
  port: number;
  host?: string;
  now: () => string;
  config: ListenerConfig;
  log?: Pick<Console, 'error' | 'warn'>;
}): Promise<InboundListener> {
  const logRejected = async (session: SMTPServerSession, reason: string, size: number) => {
    try {
      const address = envelopeSender(session).toLowerCase();
      const at = now();
      const headers = {
        messageId: null,
        envelopeFrom: address,
        fromAddress: address || null,
        subject: '',
        size,
        attachmentCount: 0,
        receivedAt: at,
      };
      await commit(db, intakeLog(at, { headers, outcome: 'rejected', reason }));
    } catch (e) {
      log.error('[mail] could not log a rejected message:', e);
    }
  };

  async function handle(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
  ): Promise<IntakeResult | Error> {
    const { raw, size, tooLarge } = await readStream(stream, config.maxMessageBytes);
    if (tooLarge) {
      const reason = `The message is larger than the ${Math.floor(config.maxMessageBytes / 1024)} KB limit.`;
      await logRejected(session, reason, size);
      return smtpError(552, reason);
    }
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw, {
        skipImageLinks: true,
        skipTextToHtml: true,
        skipTextLinks: true,
      });
    } catch (e) {
      const reason = `The message could not be read (broken MIME: ${e instanceof Error ? e.message : String(e)}).`;
      await logRejected(session, reason, size);
      return smtpError(550, reason);
    }
    const { message, attachments } = toInboundMessage(parsed, envelopeSender(session));
    const result = await receiveInbound(db, { message, attachments, size, now: now(), config });
    return result.outcome === 'rejected'
      ? smtpError(550, result.reason ?? 'Message refused.')
      : result;
  }

  const server = new SMTPServer({
    name: 'handoff.local',
    banner: 'Handoff inbound mail',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: config.maxMessageBytes,
    logger: false,
    socketTimeout: 60_000,
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase() === config.inboundAddress) return callback();
      callback(
        smtpError(550, `No mailbox ${address.address} here; write to ${config.inboundAddress}.`),
      );
    },
    onData(stream, session, callback) {
      handle(stream, session).then(
        (result) => {
          if (result instanceof Error) return callback(result);
          const what = result.incidentNumber
            ? `${result.outcome} ${result.incidentNumber}`
            : `${result.outcome}${result.reason ? ` (${result.reason})` : ''}`;
          callback(null, `Accepted: ${what}`);
        },
        (e: unknown) => {
          // Our fault, not the sender's: a temporary error, so their server tries again later.
          log.error('[mail] inbound message failed:', e);
          stream.resume();
          callback(smtpError(451, 'Temporary failure taking in the message; try again later.'));
        },
      );
    },
  });
  server.on('error', (e) => log.warn('[mail] inbound SMTP connection error:', e.message));

  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.server.once('error', onError);
    server.listen(port, host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
