import { EmptyState, Time } from '@handoff/ui';

interface AuditRow {
  id: number;
  at: string;
  actorName: string | null;
  field: string;
  /** The row as a person reads it: the field's label, names for ids, formatted times, promises in words. */
  words: { field: string; fromValue: string | null; toValue: string | null };
}

/** Who changed what, from what, to what, when: the audit history of an incident or a problem. */
export function AuditHistory({ rows }: { rows: AuditRow[] }) {
  if (rows.length === 0) return <EmptyState>No changes yet.</EmptyState>;
  return (
    <table aria-label="History">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>Field</th>
          <th>From</th>
          <th>To</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id}>
            <td>
              <Time at={a.at} />
            </td>
            <td>{a.actorName ?? 'system'}</td>
            <td>{a.words.field}</td>
            <td>{a.words.fromValue ?? '—'}</td>
            <td>{a.words.toValue ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
