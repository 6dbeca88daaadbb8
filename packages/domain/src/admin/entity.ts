// The administrator's audit log (table admin_audit) as the commit kernel knows it.
import { insertRow, type RowInsert } from '../change/effects';
import { type EntityId } from '../change/ref';

/** What an administrator changed: a login, or routing data (departments, holidays, hours, leadership). */
export const adminAuditEntities = [
  'user',
  'department',
  'holiday',
  'opening_hours',
  'leadership',
  'lockout',
  'team_lead',
] as const;
export type AdminAuditEntity = (typeof adminAuditEntities)[number];

export interface AdminAuditRow {
  id: number;
  actorId: number;
  entity: string;
  /** Which one: a user or department id, a date, a desk and weekday, a contact id. */
  entityKey: string;
  field: string;
  fromValue: string | null;
  toValue: string | null;
  at: string;
}

declare module '../change/entities' {
  interface Entities {
    adminAudit: { row: AdminAuditRow; insert: Omit<AdminAuditRow, 'id'> };
  }
}

/** One admin audit row; `actorId` may name a login inserted by the same commit (the first admin). */
export const adminAuditRow = (
  actorId: EntityId,
  entity: AdminAuditEntity,
  entityKey: string | number,
  field: string,
  fromValue: string | null,
  toValue: string | null,
  at: string,
): RowInsert<'adminAudit'> =>
  insertRow('adminAudit', {
    actorId,
    entity,
    entityKey: String(entityKey),
    field,
    fromValue,
    toValue,
    at,
  });
