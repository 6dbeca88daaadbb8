import nodemailer, { type SendMailOptions } from 'nodemailer';

/** The e2e server's inbound SMTP port (set by playwright.config.ts from E2E_PORT). */
export const inboundSmtpPort = (): number => Number(process.env.E2E_INBOUND_SMTP_PORT);

/** Sends real SMTP to the e2e server's listener and returns its reply (e.g. "Accepted: created INC-000012"). */
export async function sendToHelpDesk(mail: SendMailOptions): Promise<string> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: inboundSmtpPort(),
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = (await transport.sendMail({ to: 'help@handoff.test', ...mail })) as {
      response: string;
    };
    return info.response;
  } finally {
    transport.close();
  }
}
