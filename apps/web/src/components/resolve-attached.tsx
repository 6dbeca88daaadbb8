'use client';

import { useState } from 'react';
import { ErrorBanner } from '@handoff/ui';
import { api } from '../trpc/react';

interface Preview {
  incidents: number;
  customers: number;
  emails: number;
  customersWithoutEmail: number;
  outageToResolve: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * kb 001 step 10: SNCC's Resolve Attached Incidents, behind a confirmation that says how many
 * incidents it resolves and how many customers it e-mails.
 */
export function ResolveAttached({
  problemId,
  problemNumber,
  version,
  preview,
  disabledReason,
  onDone,
}: {
  problemId: number;
  problemNumber: string;
  version: number;
  preview: Preview;
  disabledReason: string | null;
  onDone: (message: string) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const run = api.problem.resolveAttached.useMutation();
  async function confirm() {
    try {
      const r = await run.mutateAsync({ problemId, expectedVersion: version });
      setConfirming(false);
      onDone(
        `Resolved ${plural(r.incidents, 'incident')}; queued ${plural(r.emails, 'e-mail')} to ${plural(r.customers, 'customer')}.` +
          (r.outageResolved ? ' The outage is resolved.' : ''),
      );
    } catch {
      // The error banner shows the message.
    }
  }
  return (
    <>
      <button
        type="button"
        className="primary"
        disabled={disabledReason !== null}
        title={disabledReason ?? undefined}
        onClick={() => setConfirming(true)}
      >
        Resolve Attached Incidents
      </button>
      {disabledReason ? <small className="muted"> {disabledReason}</small> : null}
      {confirming ? (
        <div
          className="panel confirm"
          role="dialog"
          aria-modal="true"
          aria-labelledby="resolve-attached-title"
        >
          <h3 id="resolve-attached-title" style={{ marginTop: 0 }}>
            Resolve the attached incidents of {problemNumber}?
          </h3>
          <p data-testid="resolve-attached-summary">
            This resolves {plural(preview.incidents, 'open incident')} and e-mails{' '}
            {plural(preview.emails, 'customer')}
            {preview.customers !== preview.emails
              ? ` (of ${preview.customers}; ${preview.customersWithoutEmail} have no e-mail address)`
              : ''}
            , once each, that the issue should be resolved and to contact the Help Desk if it still
            occurs.
            {preview.outageToResolve
              ? ` Outage ${preview.outageToResolve} is still active and will be marked resolved.`
              : ''}
          </p>
          <ErrorBanner message={run.error?.message} />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={run.isPending}
              onClick={() => void confirm()}
            >
              {run.isPending ? 'Resolving…' : `Resolve ${plural(preview.incidents, 'incident')}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
