'use client';

import { useState } from 'react';
import { ErrorBanner } from '@handoff/ui';
import { api } from '../trpc/react';

/**
 * kb 001 "If you are unsure what to do, reach out to HD leadership": the contacts administrators
 * keep, and a note of the guidance given, journaled on the incident (issue 14 item 8).
 */
export function LeadershipConsult({ incidentNumber }: { incidentNumber: string }) {
  const utils = api.useUtils();
  const contacts = api.routing.leadershipContacts.useQuery();
  const [guidance, setGuidance] = useState('');
  const consult = api.routing.consultLeadership.useMutation({
    onSuccess: () => {
      setGuidance('');
      void utils.incident.invalidate();
    },
  });
  return (
    <div className="panel" aria-label="Consult HD leadership" data-testid="leadership-consult">
      <p>Reach HD leadership by a group Teams message or call (contacts in NOVA):</p>
      {contacts.data && contacts.data.length > 0 ? (
        <ul>
          {contacts.data.map((c) => (
            <li key={c.id}>
              {c.name} — {c.contact}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No contacts are kept yet; an administrator adds them on /admin.</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          consult.mutate({ incidentNumber, guidance });
        }}
      >
        <ErrorBanner message={consult.error?.message ?? null} />
        <label>
          What they advised{' '}
          <textarea value={guidance} onChange={(e) => setGuidance(e.target.value)} rows={2} />
        </label>
        <div className="actions">
          <button type="submit" disabled={consult.isPending || !guidance.trim()}>
            Journal the consult
          </button>
        </div>
        {consult.isSuccess ? <p role="status">Journaled.</p> : null}
      </form>
    </div>
  );
}
