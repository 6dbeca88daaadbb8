'use client';

import { useEffect, useRef, useState } from 'react';
import { currentFocus, returnFocus } from './keyboard/use-dialog';
import { api } from '../trpc/react';
import { type GridRow } from './queue-grid';

type Action = 'take' | 'assign' | 'link' | 'resolve';
type Result = { number: string; ok: boolean; message: string };

const describe: Record<Action, (n: number) => string> = {
  take: (n) =>
    `Take ownership of ${n} incident${n === 1 ? '' : 's'}: each becomes yours, journaled as if taken one by one.`,
  assign: (n) =>
    `Assign ${n} incident${n === 1 ? '' : 's'} to the team member below: each changes owner under its own rules, journaled as if assigned one by one.`,
  link: (n) =>
    `Link ${n} incident${n === 1 ? '' : 's'} to the problem below: each is linked under its own rules (a problem of another service is for HDQA to link).`,
  resolve: (n) =>
    `Resolve ${n} incident${n === 1 ? '' : 's'} with the note below: each is resolved under its own rules.`,
};

const done: Record<Action, string> = {
  take: 'Taken',
  assign: 'Assigned',
  link: 'Linked',
  resolve: 'Resolved',
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
  const [agentId, setAgentId] = useState<number | null>(null);
  const [problemId, setProblemId] = useState<number | null>(null);
  const take = api.oneStep.takeOwnership.useMutation();
  const assign = api.queue.assignToMember.useMutation();
  const link = api.oneStep.linkToProblem.useMutation();
  const resolve = api.oneStep.resolve.useMutation();
  // The grid shows one team's queue: its members are whom the rows may be assigned to.
  const teamId = rows[0]?.ownerTeamId;
  const members = api.queue.members.useQuery(
    { teamId: teamId ?? 0 },
    { enabled: pending === 'assign' && teamId !== undefined },
  );
  const problems = api.problem.list.useQuery({ view: 'open' }, { enabled: pending === 'link' });
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
        const row = { incidentId: r.id, expectedVersion: r.version };
        if (action === 'take') await take.mutateAsync(row);
        else if (action === 'assign') await assign.mutateAsync({ ...row, agentId: agentId ?? 0 });
        else if (action === 'link') await link.mutateAsync({ ...row, problemId: problemId ?? 0 });
        else await resolve.mutateAsync({ ...row, resolutionNote: note });
        out.push({ number: r.number, ok: true, message: done[action] });
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
          <button type="button" onClick={() => ask('assign')} disabled={busy}>
            Assign selected
          </button>
          <button type="button" onClick={() => ask('link')} disabled={busy}>
            Link selected to a problem
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
          {pending === 'assign' ? (
            <label>
              Team member{' '}
              <select
                value={agentId ?? ''}
                onChange={(e) => setAgentId(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">Choose…</option>
                {(members.data ?? []).map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {pending === 'link' ? (
            <label>
              Problem{' '}
              <select
                value={problemId ?? ''}
                onChange={(e) => setProblemId(e.target.value ? Number(e.target.value) : null)}
              >
                <option value="">Choose…</option>
                {(problems.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.number}: {p.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={
                busy ||
                (pending === 'resolve' && note.trim() === '') ||
                (pending === 'assign' && agentId === null) ||
                (pending === 'link' && problemId === null)
              }
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
