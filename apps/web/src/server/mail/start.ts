// Starts the delivery worker and the inbound listener with the server (instrumentation): exactly
// once among all server processes on the database, in whichever holds the `mail-services` lease.
import { findLease, keepLease, type Db, type LeaseKeeper } from '@handoff/db';
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
    | { state: 'listening'; address: string }
    | { state: 'off' }
    | { state: 'error'; error: string }
    /** Another server process on this database runs the mail services (it holds the lease). */
    | { state: 'elsewhere'; holder: string };
}

/** The lease whose holder runs the mail services (one process among several on one database). */
export const mailLeaseName = 'mail-services';

/** Tests pass their own configuration and database; the app reads env.ts and its database. */
export interface StartOptions {
  config?: MailConfig;
  db?: Db;
}

interface MailServices {
  status: MailServiceStatus;
  stop: () => Promise<void>;
}

interface MailSupervisor {
  db: Db;
  keeper: LeaseKeeper;
  /** The services while this process holds the lease. */
  running: Promise<MailServices> | null;
}

// Kept on globalThis: instrumentation and the route handlers are separate bundles of one process.
const g = globalThis as unknown as { handoffMail?: MailSupervisor };

/** The status of the mail services: here, in another process, or null when never started here. */
export async function mailServiceStatus(): Promise<MailServiceStatus | null> {
  const supervisor = g.handoffMail;
  if (!supervisor) return null;
  await supervisor.keeper.ready;
  if (supervisor.running) return (await supervisor.running).status;
  const lease = await findLease(supervisor.db, mailLeaseName);
  return {
    startedAt: now(),
    smtp: null,
    inbound: { state: 'elsewhere', holder: lease?.holder ?? 'another server process' },
  };
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

/**
 * Idempotent: a second call (hot reload, a second register) returns the first start's status.
 * The services start only in the process that holds the lease; another process takes them over
 * within `leaseTtlMs` when that one dies.
 */
export async function startMailServices(
  options: StartOptions & { leaseTtlMs?: number } = {},
): Promise<MailServiceStatus> {
  if (!g.handoffMail) {
    const db = options.db ?? getDb();
    const supervisor: MailSupervisor = {
      db,
      running: null,
      keeper: keepLease(db, {
        name: mailLeaseName,
        ttlMs: options.leaseTtlMs,
        start: async () => {
          supervisor.running = start({ ...options, db });
          await supervisor.running;
        },
        stop: async () => {
          const running = supervisor.running;
          supervisor.running = null;
          if (running) await (await running).stop();
        },
        onError: (error) => console.error('[mail] lease:', error),
      }),
    };
    g.handoffMail = supervisor;
  }
  return (await mailServiceStatus())!;
}

/** Stops the services and frees the lease (tests; a server simply exits). */
export async function stopMailServices(): Promise<void> {
  const supervisor = g.handoffMail;
  g.handoffMail = undefined;
  if (supervisor) await supervisor.keeper.stop();
}
