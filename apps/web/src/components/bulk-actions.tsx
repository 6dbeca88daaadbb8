'use client';

import { useEffect, useRef, useState } from 'react';
import { currentFocus, returnFocus } from './keyboard/use-dialog';
import { api } from '../trpc/react';
import { type GridRow } from './queue-grid';

type Action = 'take' | 'resolve';
type Result = { number: string; ok: boolean; message: string };

const describe: Record<Action, (n: number) => string> = {
  take: (n) =>
    `Take ownership of ${n} incident${n === 1 ? '' : 's'}: each becomes yours, journaled as if taken one by one.`,
  resolve: (n) =>
    `Resolve ${n} incident${n === 1 ? '' : 's'} with the note below: each is resolved under its own rules.`,
};

/**
 * Bulk actions on the selected rows. Each row goes through the same one-step procedure as a single
 * action (its own rules, version check, journal and audit); a refused row says why and the others still go.
 */
export function BulkActions({ rows, onDone }: { rows: GridRow[]; onDone: () => void }) {
  const [pending, setPending] = useState<Action | null>(null);
  const [note, setNote] = useState('');
  const [results, setResults] = useState<Result[] | null>(null);
  const [busy, setBusy] = useState(false);
  const take = api.oneStep.takeOwnership.useMutation();
  const resolve = api.oneStep.resolve.useMutation();
  // Focus goes into the confirmation when it opens, and back to its opener (or the results) after.
  const opener = useRef<HTMLElement | null>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const resultsList = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (pending) confirmBox.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [pending]);
  const ask = (action: Action) => {
    opener.current = currentFocus();
    setPending(action);
  };
  const cancel = () => {
    setPending(null);
    returnFocus(opener.current);
  };
  if (rows.length === 0 && !results) return null;
  const run = async (action: Action) => {
    setBusy(true);
    const out: Result[] = [];
    for (const r of rows) {
      try {
        if (action === 'take')
          await take.mutateAsync({ incidentId: r.id, expectedVersion: r.version });
        else
          await resolve.mutateAsync({
            incidentId: r.id,
            expectedVersion: r.version,
            resolutionNote: note,
          });
        out.push({ number: r.number, ok: true, message: action === 'take' ? 'Taken' : 'Resolved' });
      } catch (e) {
        out.push({
          number: r.number,
          ok: false,
          message: e instanceof Error ? e.message : String(e),
        });
      }
    }
    setResults(out);
    setPending(null);
    setBusy(false);
    onDone();
    returnFocus(resultsList.current, () => resultsList.current);
  };
  return (
    <section className="panel" aria-label="Bulk actions">
      {rows.length > 0 ? (
        <div className="actions">
          <strong>{rows.length} selected</strong>
          <button type="button" onClick={() => ask('take')} disabled={busy}>
            Take ownership of selected
          </button>
          <button type="button" onClick={() => ask('resolve')} disabled={busy}>
            Resolve selected
          </button>
        </div>
      ) : null}
      {pending ? (
        <div
          ref={confirmBox}
          role="alertdialog"
          aria-label="Confirm bulk action"
          onKeyDown={(e) => e.key === 'Escape' && !busy && cancel()}
        >
          <p>{describe[pending](rows.length)}</p>
          <p className="muted">{rows.map((r) => r.number).join(', ')}</p>
          {pending === 'resolve' ? (
            <label>
              Resolution note <input value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy || (pending === 'resolve' && note.trim() === '')}
              onClick={() => void run(pending)}
            >
              Confirm
            </button>
            <button type="button" onClick={cancel} disabled={busy}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {results ? (
        <ul aria-label="Bulk results" ref={resultsList} tabIndex={-1}>
          {results.map((r) => (
            <li key={r.number} className={r.ok ? 'ok' : 'refused'}>
              {r.number}: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
