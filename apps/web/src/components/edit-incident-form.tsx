'use client';

import dynamic from 'next/dynamic';
import { useState } from 'react';
import { type Incident } from '@handoff/domain';
import { type RouterOutputs } from '../trpc/react';
import { type CustomerHit } from './customer-typeahead';
import { useEditingSignal } from './live/incident-follow';

// The form (with the customer typeahead and the service picker) loads when it is opened.
const EditIncidentFields = dynamic(() =>
  import('./edit-incident-fields').then((m) => m.EditIncidentFields),
);

/** Field edits carry the version the agent saw; a stale one is refused and nothing is overwritten. */
export function EditIncidentForm({
  incident,
  customer,
  services,
  onSaved,
}: {
  incident: Incident;
  /** The customer record the incident is matched to, if any (an e-mail from an unknown address has none). */
  customer: CustomerHit | null;
  services: RouterOutputs['catalog']['services'];
  onSaved: () => void;
}) {
  const [open, setOpen] = useState(false);
  // The version the edit started from: a live refetch keeps the agent's edits and this version, so
  // a colleague's change in between is refused as stale rather than overwritten.
  const [startedVersion, setStartedVersion] = useState(incident.version);
  useEditingSignal(incident.id, open);

  function start() {
    setStartedVersion(incident.version);
    setOpen(true);
  }

  if (!open) {
    return (
      <div className="actions">
        <button type="button" onClick={start}>
          Edit fields
        </button>
      </div>
    );
  }
  return (
    <EditIncidentFields
      incident={incident}
      customer={customer}
      services={services}
      startedVersion={startedVersion}
      onSaved={onSaved}
      onClose={() => setOpen(false)}
    />
  );
}
