'use client';

import { ErrorBanner, Time } from '@handoff/ui';
import { api } from '../trpc/react';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} B`;

/** Files that came with the incident's e-mails; shown only when there are some. */
export function IncidentAttachments({ incidentId }: { incidentId: number }) {
  const q = api.mail.attachments.useQuery({ incidentId });
  if (q.error) return <ErrorBanner message={q.error.message} />;
  if (!q.data?.length) return null;
  return (
    <section aria-label="Attachments">
      <h2>Attachments</h2>
      <table>
        <thead>
          <tr>
            <th>File</th>
            <th>Type</th>
            <th>Size</th>
            <th>Received</th>
          </tr>
        </thead>
        <tbody>
          {q.data.map((a) => (
            <tr key={a.id}>
              <td>
                {a.skippedReason ? (
                  <>
                    {a.filename}
                    <div className="muted">{a.skippedReason}</div>
                  </>
                ) : (
                  <a href={`/api/attachments/${a.id}`} download={a.filename}>
                    {a.filename}
                  </a>
                )}
              </td>
              <td>{a.contentType}</td>
              <td>{size(a.size)}</td>
              <td>
                <Time at={a.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
