'use client';

import { useEffect, useId, useState } from 'react';
import { CustomerFlags } from '@handoff/ui';
import { api, type RouterOutputs } from '../trpc/react';

export type CustomerHit = RouterOutputs['customer']['search'][number];

/** Search customers by name, NetID or e-mail; arrow keys move, Enter picks, Escape closes. */
export function CustomerTypeahead({
  id,
  selected,
  onSelect,
  invalid,
}: {
  id: string;
  selected: CustomerHit | null;
  onSelect: (c: CustomerHit | null) => void;
  invalid?: boolean;
}) {
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  useEffect(() => {
    const t = setTimeout(() => setDebounced(text), 200);
    return () => clearTimeout(t);
  }, [text]);
  const hits = api.customer.search.useQuery(
    { text: debounced },
    { enabled: debounced.trim().length >= 2 },
  );
  const items = hits.data ?? [];

  if (selected) {
    return (
      <div className="actions" style={{ marginTop: 0 }}>
        <span data-testid="selected-customer">
          <strong>{selected.name}</strong> ({selected.netId},{' '}
          {selected.departmentShortName ?? 'no department'}){' '}
          <CustomerFlags
            coned={selected.coned}
            program={selected.program}
            primaryTechPartner={selected.primaryTechPartner}
          />
        </span>
        <button type="button" onClick={() => onSelect(null)}>
          Change customer
        </button>
      </div>
    );
  }

  const pick = (c: CustomerHit | undefined) => {
    if (!c) return;
    onSelect(c);
    setText('');
    setOpen(false);
  };

  return (
    <div className="typeahead">
      <input
        id={id}
        role="combobox"
        aria-expanded={open && items.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || undefined}
        placeholder="Name, NetID or e-mail"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, items.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter' && open && items.length > 0) {
            e.preventDefault();
            pick(items[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && debounced.length >= 2 && !hits.isFetching && items.length === 0 ? (
        <small className="muted">No customer matches “{debounced}”.</small>
      ) : null}
      {open && items.length > 0 ? (
        <ul id={listId} role="listbox">
          {items.map((c, i) => (
            <li
              key={c.id}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(c);
              }}
            >
              <strong>{c.name}</strong>{' '}
              <span className="muted">
                {c.netId} · {c.email}
              </span>{' '}
              <CustomerFlags
                coned={c.coned}
                program={c.program}
                primaryTechPartner={c.primaryTechPartner}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
