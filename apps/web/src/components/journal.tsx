'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { EmptyState, ErrorBanner, Field, Loading, LoadMore, Time } from '@handoff/ui';
import { useEditingSignal } from './live/incident-follow';
import { api } from '../trpc/react';

interface Entry {
  id: number;
  body: string;
  createdAt: string;
  kind: string;
  visibility?: 'internal' | 'customer';
  authorName?: string | null;
  data?: unknown;
}

const emailFrom = (d: unknown): string | null =>
  typeof d === 'object' && d !== null && typeof (d as { from?: unknown }).from === 'string'
    ? (d as { from: string }).from
    : null;

const hasSteps = (d: unknown): d is { steps: { rule: string; answer: string; text: string }[] } =>
  typeof d === 'object' && d !== null && Array.isArray((d as { steps?: unknown }).steps);

/** The incident's timeline, newest first, internal and customer-visible entries marked. */
export function Journal({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <EmptyState>No journal entries yet.</EmptyState>;
  return (
    <ol className="journal" aria-label="Journal">
      {entries.map((e) => (
        <li key={e.id} className={`visibility-${e.visibility ?? 'customer'}`}>
          <div className="meta">
            <Time at={e.createdAt} />
            {e.authorName ? <span>{e.authorName}</span> : null}
            {e.kind === 'email' && emailFrom(e.data) ? <span>from {emailFrom(e.data)}</span> : null}
            <span>{e.kind}</span>
            {e.visibility ? (
              <span>{e.visibility === 'internal' ? 'Internal' : 'Customer-visible'}</span>
            ) : null}
          </div>
          <div className="body">{e.body}</div>
          {hasSteps(e.data) ? (
            <details>
              <summary>Routing trace</summary>
              <ol className="trace">
                {e.data.steps.map((s, i) => (
                  <li key={i}>
                    <code>{s.rule}</code> — {s.answer}: {s.text}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/**
 * The journal a page at a time, newest first, with "Load more" for older entries (an incident can
 * hold thousands). `latestId` is the newest entry the page last loaded (incident.byNumber): when it
 * changes, someone added an entry, and every loaded page is fetched again.
 */
export function JournalFeed({
  incidentId,
  latestId,
}: {
  incidentId: number;
  latestId: number | null;
}) {
  const list = api.incident.journal.useInfiniteQuery(
    { incidentId },
    { getNextPageParam: (p) => p.nextCursor },
  );
  const seen = useRef(latestId);
  const refetch = list.refetch;
  useEffect(() => {
    if (seen.current === latestId) return;
    seen.current = latestId;
    void refetch();
  }, [latestId, refetch]);
  if (list.isLoading) return <Loading />;
  const entries: Entry[] = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <ErrorBanner message={list.error?.message} />
      <Journal entries={entries} />
      <LoadMore list={list} />
    </>
  );
}

/** Add a note; staff choose internal or customer-visible, customers' notes are always visible to them. */
export function AddNoteForm({
  incidentId,
  allowInternal,
  onAdded,
}: {
  incidentId: number;
  allowInternal: boolean;
  onAdded: () => void;
}) {
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<'internal' | 'customer'>(
    allowInternal ? 'internal' : 'customer',
  );
  const add = api.incident.addNote.useMutation();
  // Typing a note counts as editing for colleagues' collision warnings (staff only).
  useEditingSignal(incidentId, allowInternal && body.trim() !== '');
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!body.trim()) return;
    await add.mutateAsync({ incidentId, body, visibility });
    setBody('');
    onAdded();
  }
  return (
    <form onSubmit={(e) => void submit(e).catch(() => undefined)} aria-label="New note">
      <ErrorBanner message={add.error?.message} />
      <Field id="note" label="Add a note">
        <textarea id="note" rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </Field>
      <div className="actions">
        {allowInternal ? (
          <>
            <label>
              <input
                type="radio"
                name="visibility"
                checked={visibility === 'internal'}
                onChange={() => setVisibility('internal')}
              />{' '}
              Internal
            </label>
            <label>
              <input
                type="radio"
                name="visibility"
                checked={visibility === 'customer'}
                onChange={() => setVisibility('customer')}
              />{' '}
              Customer-visible
            </label>
          </>
        ) : null}
        <button type="submit" className="primary" disabled={add.isPending || !body.trim()}>
          {add.isPending ? 'Adding…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}
