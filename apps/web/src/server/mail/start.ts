// Starts the delivery worker and the inbound listener once per server process (instrumentation).
import { now } from '../clock';
import { getDb } from '../db';
import { describeSmtpUrl, mailConfig } from './config';
import { smtpTransport, startDeliveryWorker } from './delivery-worker';
import { startInboundListener } from './inbound-listener';

/** What the admin Mail page shows about the running services. */
export interface MailServiceStatus {
  startedAt: string;
  /** `host:port` of the SMTP server, or null when messages are held. */
  smtp: string | null;
  inbound: { state: 'listening'; address: string } | { state: 'off' } | { state: 'error'; error: string };
}

// Kept on globalThis: instrumentation and the route handlers are separate bundles of one process.
const g = globalThis as unknown as { handoffMail?: Promise<MailServiceStatus> };

export const mailServiceStatus = (): Promise<MailServiceStatus> | null => g.handoffMail ?? null;

/** Idempotent: a second call (hot reload, a second register) returns the first start. */
export function startMailServices(): Promise<MailServiceStatus> {
  g.handoffMail ??= (async () => {
    const config = mailConfig();
    const db = getDb();
    startDeliveryWorker({
      db,
      transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : null,
      now,
      config,
      intervalMs: config.workerIntervalMs,
    });
    const status: MailServiceStatus = { startedAt: now(), smtp: describeSmtpUrl(config.smtpUrl), inbound: { state: 'off' } };
    if (config.inboundPort !== 0) {
      try {
        const listener = await startInboundListener({ db, port: config.inboundPort, now, config });
        status.inbound = { state: 'listening', address: `127.0.0.1:${listener.port}` };
      } catch (e) {
        // A taken port must not take the web app down with it; the Mail page shows why.
        const error = e instanceof Error ? e.message : String(e);
        console.error(`[mail] inbound SMTP listener not started on 127.0.0.1:${config.inboundPort}: ${error}`);
        status.inbound = { state: 'error', error };
      }
    }
    console.info(
      `[mail] delivery ${status.smtp ? `via ${status.smtp}` : 'off (no SMTP_URL): messages are held'}; inbound ${
        status.inbound.state === 'listening' ? `on ${status.inbound.address}` : status.inbound.state
      }`,
    );
    return status;
  })();
  return g.handoffMail;
}
