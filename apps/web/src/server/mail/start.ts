// Starts the delivery worker and the inbound listener once per server process (instrumentation).
import { type Db } from '@handoff/db';
import { now } from '../clock';
import { getDb } from '../db';
import { describeSmtpUrl, mailConfig, type MailConfig } from './config';
import { smtpTransport, startDeliveryWorker } from './delivery-worker';
import { startInboundListener, type InboundListener } from './inbound-listener';

/** What the admin Mail page shows about the running services. */
export interface MailServiceStatus {
  startedAt: string;
  /** `host:port` of the SMTP server, or null when messages are held. */
  smtp: string | null;
  inbound:
    { state: 'listening'; address: string } | { state: 'off' } | { state: 'error'; error: string };
}

/** Tests pass their own configuration and database; the app reads env.ts and its database. */
export interface StartOptions {
  config?: MailConfig;
  db?: Db;
}

interface MailServices {
  status: MailServiceStatus;
  stop: () => Promise<void>;
}

// Kept on globalThis: instrumentation and the route handlers are separate bundles of one process.
const g = globalThis as unknown as { handoffMail?: Promise<MailServices> };

/** The running services' status, or null when they were not started in this process. */
export async function mailServiceStatus(): Promise<MailServiceStatus | null> {
  return g.handoffMail ? (await g.handoffMail).status : null;
}

async function start({ config = mailConfig(), db = getDb() }: StartOptions): Promise<MailServices> {
  const worker = startDeliveryWorker({
    db,
    transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
    now,
    config,
    intervalMs: config.workerIntervalMs,
  });
  const status: MailServiceStatus = {
    startedAt: now(),
    smtp: describeSmtpUrl(config.smtpUrl),
    inbound: { state: 'off' },
  };
  let listener: InboundListener | null = null;
  if (config.inboundPort !== 0) {
    try {
      listener = await startInboundListener({ db, port: config.inboundPort, now, config });
      status.inbound = { state: 'listening', address: `127.0.0.1:${listener.port}` };
    } catch (e) {
      // A taken port must not take the web app down with it; the Mail page shows why.
      const error = e instanceof Error ? e.message : String(e);
      console.error(
        `[mail] inbound SMTP listener not started on 127.0.0.1:${config.inboundPort}: ${error}`,
      );
      status.inbound = { state: 'error', error };
    }
  }
  console.info(
    `[mail] delivery ${status.smtp ? `via ${status.smtp}` : 'off (no SMTP_URL): messages are held'}; inbound ${
      status.inbound.state === 'listening' ? `on ${status.inbound.address}` : status.inbound.state
    }`,
  );
  return {
    status,
    stop: async () => {
      await Promise.all([worker.stop(), listener?.close()]);
    },
  };
}

/** Idempotent: a second call (hot reload, a second register) returns the first start's status. */
export async function startMailServices(options: StartOptions = {}): Promise<MailServiceStatus> {
  g.handoffMail ??= start(options);
  return (await g.handoffMail).status;
}

/** Stops the services (tests; a server simply exits). */
export async function stopMailServices(): Promise<void> {
  const running = g.handoffMail;
  g.handoffMail = undefined;
  if (running) await (await running).stop();
}
