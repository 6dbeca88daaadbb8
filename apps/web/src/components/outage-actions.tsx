'use client';

import { useState, type FormEvent } from 'react';
import { ErrorBanner, Field } from '@handoff/ui';
import { api } from '../trpc/react';
import { serverFieldErrors, type FieldErrors } from './field-errors';

interface Guarded {
  id: number;
  number: string;
  version: number;
  status: 'planned' | 'active' | 'resolved';
  can: { update: string | null; start: string | null; resolve: string | null };
}

/** SNCC's controls on one outage: a timestamped update of the public summary, start, resolve. */
export function OutageActions({ o, onChanged }: { o: Guarded; onChanged: () => void }) {
  const update = api.outage.update.useMutation();
  const start = api.outage.start.useMutation();
  const resolve = api.outage.resolve.useMutation();
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const error = update.error ?? start.error ?? resolve.error;

  async function post(e: FormEvent) {
    e.preventDefault();
    if (!summary.trim()) return setErrors({ publicSummary: 'Write the update' });
    try {
      await update.mutateAsync({
        outageId: o.id,
        expectedVersion: o.version,
        publicSummary: summary,
      });
      setSummary('');
      setErrors({});
      onChanged();
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }

  if (o.status === 'resolved') return null;
  return (
    <div className="outage-actions">
      <ErrorBanner message={error?.message} />
      {o.can.update === null ? (
        <form onSubmit={(e) => void post(e)} noValidate aria-label={`Update ${o.number}`}>
          <Field id={`update-${o.id}`} label="New public summary" error={errors.publicSummary}>
            <textarea
              id={`update-${o.id}`}
              rows={2}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
          </Field>
          <div className="actions">
            <button type="submit" disabled={update.isPending}>
              Post update
            </button>
            {o.status === 'planned' ? (
              <button
                type="button"
                disabled={o.can.start !== null || start.isPending}
                title={o.can.start ?? undefined}
                onClick={() =>
                  void start
                    .mutateAsync({ outageId: o.id, expectedVersion: o.version })
                    .then(onChanged, () => undefined)
                }
              >
                Start outage
              </button>
            ) : null}
            <button
              type="button"
              disabled={o.can.resolve !== null || resolve.isPending}
              title={o.can.resolve ?? undefined}
              onClick={() => {
                if (
                  window.confirm(`Mark ${o.number} resolved? The status page will show it as over.`)
                ) {
                  void resolve
                    .mutateAsync({ outageId: o.id, expectedVersion: o.version })
                    .then(onChanged, () => undefined);
                }
              }}
            >
              Resolve outage
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
