'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { queueColumns, type QueueSort } from '@handoff/domain';
import { age, EmptyState, StatusPill } from '@handoff/ui';
import { RowViewerMarker } from './live/viewer-marker';
import { type RouterOutputs } from '../trpc/react';
import { Countdown, NextPromise } from './promises';

export type GridRow = RouterOutputs['queue']['grid']['items'][number];

const sortOfColumn: Partial<Record<string, QueueSort>> = {
  age: 'age',
  promise: 'promise',
  status: 'status',
  service: 'service',
  owner: 'owner',
  breach: 'breach',
};
const columnLabels: Record<(typeof queueColumns)[number], string> = {
  customer: 'Customer',
  service: 'Service',
  status: 'Status',
  owner: 'Owner',
  age: 'Age',
  promise: 'Promise',
  breach: 'Time to breach',
};

/** Each cell's column name, shown beside it when the grid becomes cards at phone width. */
const cellLabels: Record<string, string | undefined> = { number: 'Number', ...columnLabels };

/**
 * The queue as a working grid (TanStack Table, headless): sorting is the server's (clicking a header
 * changes the URL and so the query), columns can be hidden, rows selected for bulk actions, and the
 * keyboard moves between rows (up/down) and opens one (Enter).
 */
export function QueueGrid({
  rows,
  now,
  sort,
  dir,
  onSort,
  visibleColumns,
  selected,
  onSelect,
  rowAction,
}: {
  rows: GridRow[];
  now: number;
  sort: QueueSort;
  dir: 'asc' | 'desc';
  onSort: (sort: QueueSort, dir: 'asc' | 'desc') => void;
  visibleColumns: readonly string[];
  selected: ReadonlySet<number>;
  onSelect: (ids: number[], on: boolean) => void;
  rowAction?: (row: GridRow) => React.ReactNode;
}) {
  const router = useRouter();
  const body = useRef<HTMLTableSectionElement>(null);
  const columns = useMemo<ColumnDef<GridRow>[]>(
    () => [
      {
        id: 'select',
        enableSorting: false,
        header: () => (
          <input
            type="checkbox"
            aria-label="Select every row"
            checked={rows.length > 0 && rows.every((r) => selected.has(r.id))}
            onChange={(e) =>
              onSelect(
                rows.map((r) => r.id),
                e.target.checked,
              )
            }
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.number}`}
            checked={selected.has(row.original.id)}
            onChange={(e) => onSelect([row.original.id], e.target.checked)}
          />
        ),
      },
      {
        id: 'number',
        header: 'Number',
        enableSorting: false,
        cell: ({ row }) => (
          <>
            <Link href={`/incidents/${row.original.number}`}>{row.original.number}</Link>{' '}
            <RowViewerMarker incidentId={row.original.id} />
          </>
        ),
      },
      {
        id: 'customer',
        header: columnLabels.customer,
        enableSorting: false,
        cell: ({ row }) => (
          <>
            {row.original.customerName ?? row.original.callerName}
            <div className="muted">{row.original.description.slice(0, 80)}</div>
          </>
        ),
      },
      { id: 'service', header: columnLabels.service, cell: ({ row }) => row.original.serviceName },
      {
        id: 'status',
        header: columnLabels.status,
        cell: ({ row }) => <StatusPill status={row.original.status} />,
      },
      {
        id: 'owner',
        header: columnLabels.owner,
        cell: ({ row }) => row.original.ownerAgentName ?? <span className="muted">No agent</span>,
      },
      { id: 'age', header: columnLabels.age, cell: ({ row }) => age(row.original.createdAt, now) },
      {
        id: 'promise',
        header: columnLabels.promise,
        cell: ({ row }) => (
          <>
            {row.original.marker ? (
              <span className={`marker marker-${row.original.marker}`} data-testid="promise-marker">
                {row.original.marker === 'overdue' ? 'Overdue' : 'Due soon'}
              </span>
            ) : null}{' '}
            <NextPromise promises={row.original.promises} now={now} />
          </>
        ),
      },
      {
        id: 'breach',
        header: columnLabels.breach,
        cell: ({ row }) =>
          row.original.slaDueAt ? (
            <Countdown at={row.original.slaDueAt} now={now} />
          ) : (
            <span className="muted">—</span>
          ),
      },
      ...(rowAction
        ? [
            {
              id: 'action',
              header: 'Action',
              enableSorting: false,
              cell: ({ row }) => rowAction(row.original),
            } satisfies ColumnDef<GridRow>,
          ]
        : []),
    ],
    [rows, selected, onSelect, now, rowAction],
  );
  const sorting: SortingState = [{ id: sort, desc: dir === 'desc' }];
  const columnVisibility: VisibilityState = Object.fromEntries(
    queueColumns.map((c) => [c, visibleColumns.includes(c)]),
  );
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (r) => String(r.id),
    state: { sorting, columnVisibility },
    manualSorting: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      const s = first && sortOfColumn[first.id];
      if (s) onSort(s, first.desc ? 'desc' : 'asc');
    },
    getCoreRowModel: getCoreRowModel(),
  });
  const onKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number, row: GridRow) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLButtonElement) return;
    const rowsEls = body.current?.querySelectorAll<HTMLTableRowElement>('tr');
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      rowsEls?.[index + (e.key === 'ArrowDown' ? 1 : -1)]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      router.push(`/incidents/${row.number}`);
    }
  };
  if (rows.length === 0) return <EmptyState>Nothing in this queue matches.</EmptyState>;
  return (
    <table className="cards" aria-label="Queue">
      <thead>
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>
            {g.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              return (
                <th
                  key={h.id}
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                  }
                >
                  {h.column.getCanSort() ? (
                    <button
                      type="button"
                      className="link"
                      onClick={h.column.getToggleSortingHandler()}
                    >
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                    </button>
                  ) : (
                    flexRender(h.column.columnDef.header, h.getContext())
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody ref={body}>
        {table.getRowModel().rows.map((row, index) => (
          <tr
            key={row.id}
            tabIndex={0}
            aria-selected={selected.has(row.original.id)}
            onKeyDown={(e) => onKey(e, index, row.original)}
          >
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id} data-label={cellLabels[cell.column.id]}>
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export { columnLabels };
export function useSelection() {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const onSelect = (ids: number[], on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  return { selected, onSelect, clear: () => setSelected(new Set()) };
}
