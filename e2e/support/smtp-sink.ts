// A real SMTP receiver for the e2e suite (smtp-server on 127.0.0.1:0): what the servers' delivery
// workers send, with each message's Message-ID, so a test can tell a message sent twice.
import { SMTPServer } from 'smtp-server';

export interface SunkMessage {
  messageId: string;
  to: string[];
  subject: string;
}

export async function startSmtpSink() {
  const received: SunkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const head =
          Buffer.concat(chunks)
            .toString('utf8')
            .split(/\r?\n\r?\n/)[0] ?? '';
        const header = (name: string) =>
          new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
            .exec(head)?.[1]
            ?.replace(/\r?\n[ \t]+/g, ' ')
            .trim() ?? '';
        received.push({
          messageId: header('Message-ID'),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header('Subject'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as { port: number };
  return {
    port,
    received,
    // Never waits long on a client still connected (smtp-server would wait for it).
    close: () =>
      Promise.race([
        new Promise<void>((ok) => server.close(() => ok())),
        new Promise<void>((ok) => setTimeout(ok, 2_000).unref()),
      ]),
  };
}
