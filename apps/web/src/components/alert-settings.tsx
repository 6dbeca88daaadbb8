'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { potentialOutageSettingsSchema } from '@handoff/domain';
import { ErrorBanner, Field, Loading } from '@handoff/ui';
import { api } from '../trpc/react';
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from './field-errors';

/** The potential-outage alert thresholds HDQA's home uses (defaults: 3 incidents within 30 minutes). */
export function AlertSettings() {
  const current = api.alert.settings.useQuery();
  const save = api.alert.updateSettings.useMutation({ onSuccess: () => void current.refetch() });
  const [form, setForm] = useState({ minIncidents: '', windowMinutes: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (current.data)
      setForm({
        minIncidents: String(current.data.minIncidents),
        windowMinutes: String(current.data.windowMinutes),
      });
  }, [current.data]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const parsed = potentialOutageSettingsSchema.safeParse({
      minIncidents: Number(form.minIncidents),
      windowMinutes: Number(form.windowMinutes),
    });
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    try {
      await save.mutateAsync(parsed.data);
      setErrors({});
      setSaved(true);
    } catch (err) {
      setErrors(serverFieldErrors(err));
    }
  }
  return (
    <>
      <h2>Potential-outage alert</h2>
      {current.isLoading ? (
        <Loading />
      ) : (
        <form
          className="panel"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label="Potential-outage alert"
        >
          <p className="muted">
            HDQA is alerted when this many incidents on one service, none linked to a problem, are
            created within the window.
          </p>
          <ErrorBanner message={save.error?.message} />
          {saved ? (
            <div className="ok-banner" role="status">
              Saved.
            </div>
          ) : null}
          <div className="grid2">
            <Field id="minIncidents" label="Incidents" error={errors.minIncidents}>
              <input
                id="minIncidents"
                type="number"
                min={2}
                value={form.minIncidents}
                onChange={(e) => setForm((f) => ({ ...f, minIncidents: e.target.value }))}
              />
            </Field>
            <Field id="windowMinutes" label="Within (minutes)" error={errors.windowMinutes}>
              <input
                id="windowMinutes"
                type="number"
                min={1}
                value={form.windowMinutes}
                onChange={(e) => setForm((f) => ({ ...f, windowMinutes: e.target.value }))}
              />
            </Field>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={save.isPending}>
              Save thresholds
            </button>
          </div>
        </form>
      )}
    </>
  );
}
