import { EmptyState, Time } from '@handoff/ui';

interface Message {
  id: number;
  incidentNumber: string;
  toAddress: string;
  toName: string | null;
  subject: string;
  textBody: string;
  status: string;
  createdAt: string;
}

/** The e-mails Resolve Attached Incidents queued (a later capability delivers the outbox). */
export function QueuedMessages({ messages }: { messages: Message[] }) {
  if (messages.length === 0) return <EmptyState>No e-mail queued for this problem yet.</EmptyState>;
  return (
    <table aria-label="Queued e-mails">
      <thead>
        <tr>
          <th>To</th>
          <th>Subject</th>
          <th>Incident</th>
          <th>Status</th>
          <th>Queued</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr key={m.id}>
            <td>
              {m.toName ? `${m.toName} ` : ''}
              <span className="muted">&lt;{m.toAddress}&gt;</span>
            </td>
            <td>
              <details>
                <summary>{m.subject}</summary>
                <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{m.textBody}</pre>
              </details>
            </td>
            <td>{m.incidentNumber}</td>
            <td>{m.status}</td>
            <td>
              <Time at={m.createdAt} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
