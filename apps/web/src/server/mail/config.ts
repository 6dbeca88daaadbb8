import { env, type Env } from '../../env';

export interface MailConfig {
  smtpUrl: string | null;
  from: { name: string; address: string };
  /** Reply-To of every message and the only mailbox the listener accepts. */
  inboundAddress: string;
  /** Mail from these is our own, never taken in (loop protection). */
  ownAddresses: string[];
  inboundPort: number;
  maxMessageBytes: number;
  maxAttachmentBytes: number;
  workerIntervalMs: number;
  /** The app's address, for the links in e-mails. */
  appUrl: string;
}

export function mailConfig(e: Env = env()): MailConfig {
  const inboundAddress = (e.MAIL_INBOUND_ADDRESS ?? e.MAIL_FROM).toLowerCase();
  return {
    smtpUrl: e.SMTP_URL ?? null,
    from: { name: e.MAIL_FROM_NAME, address: e.MAIL_FROM.toLowerCase() },
    inboundAddress,
    ownAddresses: [...new Set([e.MAIL_FROM.toLowerCase(), inboundAddress])],
    inboundPort: e.INBOUND_SMTP_PORT,
    maxMessageBytes: e.INBOUND_MAX_MESSAGE_BYTES,
    maxAttachmentBytes: e.INBOUND_MAX_ATTACHMENT_BYTES,
    workerIntervalMs: e.MAIL_WORKER_INTERVAL_MS,
    appUrl: (e.APP_URL ?? e.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
  };
}

/** The SMTP server's host and port for display, never its credentials. */
export function describeSmtpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return 'an invalid URL';
  }
}
