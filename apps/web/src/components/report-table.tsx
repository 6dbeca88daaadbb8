'use client';

import { toCsv } from '@handoff/domain';
import { EmptyState } from '@handoff/ui';

const show = (v: unknown): string =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);

/** One table behind a chart, with its CSV export (made in the browser from the same rows). */
export function ReportTable({
  name,
  rows,
}: {
  name: string;
  rows: readonly Record<string, unknown>[];
}) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const cols = rows[0] ? Object.keys(rows[0]) : [];
  return (
    <div className="report-table">
      {/* The export button sits beside the summary, not in it: a summary is a control itself. */}
      <button type="button" onClick={download} disabled={rows.length === 0}>
        Export {name} as CSV
      </button>
      <details>
        <summary>
          Table: {name} ({rows.length} rows)
        </summary>
        {rows.length === 0 ? (
          <EmptyState>No rows for this date range and team.</EmptyState>
        ) : (
          <table aria-label={name}>
            <thead>
              <tr>
                {cols.map((c) => (
                  <th key={c}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {cols.map((c) => (
                    <td key={c}>{show(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </div>
  );
}
