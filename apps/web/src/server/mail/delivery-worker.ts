// Sends the outbox: at-least-once, with backoff, and the same Message-ID on every attempt so a
// resend after a crash is the same message, not a second one in the customer's mailbox.
import nodemailer, { type SendMailOptions } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import {
  absoluteLinks,
  claimForDelivery,
  DomainError,
  holdPendingMail,
  recordAttempt,
  type DeliveryError,
} from '@handoff/domain';
import { commit, outboxRepository, type Db } from '@handoff/db';
import { type MailConfig } from './config';

type OutboxRow = outboxRepository.OutboxRow;

/** Anything that can send one message; nodemailer over SMTP in the app, the same in tests. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<unknown>;
  close?(): void;
}

export function smtpTransport(url: string): MailTransport {
  // Short timeouts: an unreachable server must not stall the worker for minutes. (createTransport
  // with a URL would ignore them, so the URL goes to the SMTP transport together with them.)
  return nodemailer.createTransport(
    new SMTPTransport({
      url,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    }),
  );
}

/** The message as it goes on the wire: From and Reply-To from the config, the rest from the row. */
export function composeMessage(
  row: OutboxRow,
  config: Pick<MailConfig, 'from' | 'inboundAddress' | 'appUrl'>,
): SendMailOptions {
  return {
    from: config.from,
    to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
    replyTo: config.inboundAddress,
    subject: row.subject,
    // Links are made absolute on the way out, so the stored text stays right when the app moves.
    text: absoluteLinks(row.textBody, config.appUrl),
    messageId: row.messageId,
    inReplyTo: row.inReplyTo ?? undefined,
    references: row.references ?? undefined,
    // RFC 3834: notifications say they are automatic, so auto-responders do not answer them.
    headers: row.autoSubmitted
      ? { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' }
      : {},
  };
}

const asDeliveryError = (e: unknown): DeliveryError => {
  const err = e as { message?: unknown; responseCode?: unknown };
  return {
    message: typeof err.message === 'string' ? err.message : String(e),
    responseCode: typeof err.responseCode === 'number' ? err.responseCode : undefined,
  };
};

/** Claims a due message for one attempt (a conditional update); undefined when someone else has it. */
async function claim(db: Db, id: number, at: string): Promise<OutboxRow | undefined> {
  try {
    return (
      await commit(db, async (read) =>
        claimForDelivery(await outboxRepository.findById(read, id), id, at),
      )
    ).row('outbox', id);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CONFLICT') return undefined;
    throw e;
  }
}

/**
 * Records the attempt's outcome and announces it; false when a newer claim took the message
 * meanwhile (this lease ran out mid-send): that attempt's outcome decides, not this one.
 */
async function record(
  db: Db,
  claimed: OutboxRow,
  outcome: Parameters<typeof recordAttempt>[1],
  at: string,
) {
  try {
    return (await commit(db, recordAttempt(claimed, outcome, at))).row('outbox', claimed.id);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CONFLICT') return undefined;
    throw e;
  }
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  held: number;
}

/**
 * One pass of the worker: with no transport every queued message is held; otherwise each due
 * message is claimed, sent, and marked sent — or given its next attempt, or failed.
 */
export async function deliverDue({
  db,
  transport,
  now,
  config,
  batch = 20,
  maxPerPass = 500,
}: {
  db: Db;
  transport: MailTransport | null;
  now: () => string;
  config: Pick<MailConfig, 'from' | 'inboundAddress' | 'appUrl'>;
  batch?: number;
  maxPerPass?: number;
}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, held: 0 };
  if (!transport) {
    const at = now();
    // One `held` event per message held.
    report.held = (
      await commit(db, async (read) =>
        holdPendingMail(await outboxRepository.findPending(read), at),
      )
    ).changeIds.length;
    return report;
  }
  // Batch after batch until nothing is due (each attempt moves its message's next attempt ahead),
  // up to a cap so one pass never runs unbounded.
  for (let done = 0; done < maxPerPass;) {
    const at = now();
    const due = await outboxRepository.findDue(db, at, batch);
    if (due.length === 0) break;
    for (const id of due) {
      done += 1;
      const row = await claim(db, id, at);
      if (!row) continue;
      let outcome: Parameters<typeof recordAttempt>[1] = { sent: true };
      try {
        await transport.sendMail(composeMessage(row, config));
      } catch (e) {
        outcome = { error: asDeliveryError(e) };
      }
      const next = await record(db, row, outcome, now());
      if (next?.status === 'sent') report.sent += 1;
      else if (next?.status === 'failed') report.failed += 1;
      else if (next) report.retrying += 1;
    }
  }
  return report;
}

/** Runs deliverDue every `intervalMs`, never two passes at once. */
export function startDeliveryWorker(
  options: Parameters<typeof deliverDue>[0] & { intervalMs: number; log?: Pick<Console, 'error'> },
) {
  const { intervalMs, log = console, ...pass } = options;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return running;
    running = deliverDue(pass)
      .catch((e: unknown) => log.error('[mail] delivery pass failed:', e))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), intervalMs);
  // The worker must not keep a process alive that is otherwise done (tests, scripts).
  timer.unref();
  void tick();
  return {
    /** Runs a pass now (or waits for the running one). */
    tick,
    async stop() {
      clearInterval(timer);
      await running;
      pass.transport?.close?.();
    },
  };
}
