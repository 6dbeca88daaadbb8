'use client';

import { ErrorBanner, Loading } from '@handoff/ui';
import { InboundLog } from '../../../../components/mail/inbound-log';
import { OutboxList } from '../../../../components/mail/outbox-list';
import { TeamNotifySettings } from '../../../../components/mail/team-notify-settings';
import { TemplateEditor } from '../../../../components/mail/template-editor';
import { api } from '../../../../trpc/react';

const kb = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(0)} MB`
    : `${Math.round(bytes / 1024)} KB`;

/** Admin Mail page: what was (or would have been) sent, what came in and what was ignored, templates, team settings. */
export default function MailPage() {
  const q = api.mail.overview.useQuery();
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data)
    return <ErrorBanner message={q.error?.message ?? 'Could not load the mail overview.'} />;
  const d = q.data;
  const inbound = d.services?.inbound;
  return (
    <>
      <h1>Mail</h1>
      <section className="panel" aria-label="Mail services">
        <dl className="facts">
          <dt>Outgoing</dt>
          <dd data-testid="smtp-state">
            {d.smtp ? (
              <>
                Sent through {d.smtp} as {d.from.name} &lt;{d.from.address}&gt;
              </>
            ) : (
              <>
                No SMTP_URL is set: messages are held here instead of being sent, so you can see
                what would have gone out.
              </>
            )}
          </dd>
          <dt>Incoming</dt>
          <dd data-testid="inbound-state">
            {inbound?.state === 'listening'
              ? `Listening on ${inbound.address} for ${d.inboundAddress} (messages up to ${kb(d.maxMessageBytes)}; attachments kept up to ${kb(d.maxAttachmentBytes)})`
              : inbound?.state === 'error'
                ? `Not listening: ${inbound.error}`
                : inbound?.state === 'off'
                  ? 'Off (INBOUND_SMTP_PORT=0)'
                  : inbound?.state === 'elsewhere'
                    ? `Run by another server process on this database (${inbound.holder})`
                    : 'Not started in this process'}
          </dd>
          <dt>Outbox</dt>
          <dd>
            {d.outbox.held} held · {d.outbox.pending} pending · {d.outbox.sent} sent ·{' '}
            {d.outbox.failed} failed
          </dd>
        </dl>
      </section>

      <h2>Loop and noise protection</h2>
      <table aria-label="Inbound counters">
        <thead>
          <tr>
            <th>Received mail</th>
            <th>Count</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>New incidents opened</td>
            <td data-testid="count-created">{d.inbound.created}</td>
          </tr>
          <tr>
            <td>Added to an incident (reply or reopen)</td>
            <td data-testid="count-appended">{d.inbound.appended}</td>
          </tr>
          <tr>
            <td>
              Replies from someone who is not the incident&apos;s requester or staff (opened as new
              incidents for review)
            </td>
            <td data-testid="count-other-senders">{d.inbound.fromOtherSenders}</td>
          </tr>
          {d.inbound.ignored.map((i) => (
            <tr key={i.reason}>
              <td>Ignored: {i.label}</td>
              <td data-testid={`count-ignored-${i.reason}`}>{i.n}</td>
            </tr>
          ))}
          <tr>
            <td>Refused (too large, unreadable, empty)</td>
            <td data-testid="count-rejected">{d.inbound.rejected}</td>
          </tr>
        </tbody>
      </table>

      <h2>Messages</h2>
      <OutboxList />

      <h2>Received</h2>
      <InboundLog
        hint={
          inbound?.state === 'listening'
            ? `Mail to ${d.inboundAddress} through ${inbound.address} becomes an incident in the US - Help Desk queue, or a note on the incident it answers.`
            : 'Turn the listener on with INBOUND_SMTP_PORT to take mail in.'
        }
      />

      <h2>Team notifications</h2>
      <TeamNotifySettings />

      <h2>Templates</h2>
      <TemplateEditor />
    </>
  );
}
