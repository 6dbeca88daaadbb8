const labels: Record<string, string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending_customer: 'Pending customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

export const statusLabel = (status: string): string => labels[status] ?? status;

export function StatusPill({ status }: { status: string }) {
  return <span className={`status status-${status}`}>{statusLabel(status)}</span>;
}
