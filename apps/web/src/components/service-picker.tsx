'use client';

import { Field, ServiceBanner } from '@handoff/ui';
import { type RouterOutputs } from '../trpc/react';

type Service = RouterOutputs['catalog']['services'][number];

/** Service → category → subcategory; the chosen leaf is the catalog row the incident stores. */
export function ServicePicker({
  services,
  value,
  onChange,
  error,
  explainBanner,
}: {
  services: Service[];
  value: number | null;
  onChange: (id: number | null) => void;
  error?: string;
  /** The banner in the reader's words (Help Online explains it to customers); agents get the short label. */
  explainBanner?: (banner: 'pick5' | 'pick2') => string;
}) {
  const current = services.find((s) => s.id === value) ?? null;
  const names = [...new Set(services.map((s) => s.name))];
  const categories = current
    ? [...new Set(services.filter((s) => s.name === current.name).map((s) => s.category))]
    : [];
  const subs = current
    ? services.filter((s) => s.name === current.name && s.category === current.category)
    : [];
  const firstOf = (pred: (s: Service) => boolean) => services.find(pred)?.id ?? null;
  return (
    <>
      <Field id="service" label="Service" required error={error}>
        <select
          id="service"
          value={current?.name ?? ''}
          aria-invalid={error ? true : undefined}
          onChange={(e) =>
            onChange(e.target.value ? firstOf((s) => s.name === e.target.value) : null)
          }
        >
          <option value="">Choose a service…</option>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </Field>
      <Field id="category" label="Category" required>
        <select
          id="category"
          value={current?.category ?? ''}
          disabled={!current}
          onChange={(e) =>
            onChange(firstOf((s) => s.name === current?.name && s.category === e.target.value))
          }
        >
          {categories.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </Field>
      <Field id="subcategory" label="Subcategory" required>
        <select
          id="subcategory"
          value={current?.id ?? ''}
          disabled={!current}
          onChange={(e) => onChange(Number(e.target.value))}
        >
          {subs.map((s) => (
            <option key={s.id} value={s.id}>
              {s.subcategory}
            </option>
          ))}
        </select>
      </Field>
      {current?.banner ? (
        <p data-testid="service-banner">
          <ServiceBanner banner={current.banner} />{' '}
          {explainBanner
            ? explainBanner(current.banner)
            : current.banner === 'pick5'
              ? 'Contract Partner Support service'
              : 'Enterprise Support service'}
        </p>
      ) : null}
    </>
  );
}
