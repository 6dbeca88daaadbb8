/** One audit row of a field change: who changed what from what to what, at which version. */
export interface AuditRow {
  actorId: number | null;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  version: number;
  at: string;
}

/** How a stored field value is shown in the audit trail: strings as they are, the rest as JSON. */
export const showValue = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);
};

export interface FieldDiff<T> {
  /** The changed fields plus the next version and updatedAt; empty when nothing changes. */
  changes: Partial<T>;
  audit: AuditRow[];
  /** The version the row has after the write (unchanged when nothing changes). */
  version: number;
}

/**
 * The one field diff: fields of `desired` already holding the value are dropped, each other field
 * gets an audit row, and the version moves by one with updatedAt = now. When nothing differs,
 * `changes` is empty and the version stays (no write, no audit).
 */
export function diffFields<T extends { version: number; updatedAt: string }>(
  before: T,
  desired: Partial<T>,
  { actorId, now }: { actorId: number | null; now: string },
  { always = false }: { always?: boolean } = {},
): FieldDiff<T> {
  const version = before.version + 1;
  const changes: Partial<T> = {};
  const audit: AuditRow[] = [];
  for (const key of Object.keys(desired) as (keyof T & string)[]) {
    const prev: unknown = before[key];
    const next = desired[key];
    if (showValue(prev) === showValue(next)) continue;
    changes[key] = next;
    audit.push({
      actorId,
      field: key,
      fromValue: showValue(prev),
      toValue: showValue(next),
      version,
      at: now,
    });
  }
  if (audit.length === 0 && !always) return { changes: {}, audit, version: before.version };
  return { changes: { ...changes, version, updatedAt: now }, audit, version };
}
