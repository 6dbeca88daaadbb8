// Administrators edit the data routing reads (issue 14 items 7, 8): departments, university
// holidays, the opening hours of CPS and of the General Help Desk, and the HD leadership contacts.
// Every change is one commit with its admin audit rows. Promises already stored on incidents are
// not touched: they keep the times they were given.
import '../zod-config';
import { z } from 'zod';
import { DomainError } from '../errors';
import { type Actor } from '../roles';
import {
  deleteRows,
  effects,
  insertRow,
  updateRow,
  type Effects,
  type RowWrite,
} from '../change/effects';
import { type ChangeEventDraft } from '../change/event';
import { ref, type EntityId } from '../change/ref';

import {
  desks,
  hoursText,
  weeklyHoursSchema,
  type Desk,
  type WeeklyHours,
} from '../calendar/opening-hours';
import { routingDepartmentSchema } from '../routing/departments';
import { adminAuditRow } from './entity';
import {
  type DepartmentRow,
  type HolidayRow,
  type LeadershipContactRow,
} from './routing-data-entity';

export const departmentSaveSchema = routingDepartmentSchema.extend({
  id: z.number().int().positive().optional(),
});
export type DepartmentSave = z.infer<typeof departmentSaveSchema>;

export const holidaySchema = z.object({
  date: z.iso.date('Give the date as YYYY-MM-DD'),
  name: z.string().trim().min(1, 'Name the holiday').max(200),
});
export const hoursSaveSchema = z.object({ desk: z.enum(desks), week: weeklyHoursSchema });
export const leadershipSaveSchema = z.object({
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1, 'Give the name').max(200),
  contact: z.string().trim().min(1, 'Say how to reach them (Teams, phone, e-mail)').max(300),
  position: z.number().int().min(0).max(1000).default(0),
});
export type LeadershipSave = z.infer<typeof leadershipSaveSchema>;

/** Routing data changed: the admin page and the routing panel (promises, leadership) hear of it. */
const routingDataEvent = (
  entity: 'department' | 'holiday' | 'openingHours' | 'leadershipContact',
  entityId: EntityId,
  kind: string,
  actorId: number,
): ChangeEventDraft => ({ entity, entityId, kind, teamIds: [], userIds: [], actorId });

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);

/** One audit row per field that differs; the set of the changed fields. */
function changed<T extends object>(
  actor: Actor,
  entity: 'department' | 'leadership',
  key: string | number,
  before: T | undefined,
  after: T,
  fields: readonly (keyof T & string)[],
  at: string,
) {
  const set: Partial<T> = {};
  const audit: RowWrite[] = [];
  for (const f of fields) {
    const from = before?.[f];
    if (before && from === after[f]) continue;
    set[f] = after[f];
    audit.push(adminAuditRow(actor.id, entity, key, f, text(from), text(after[f]), at));
  }
  return { set, audit };
}

const departmentFields = [
  'name',
  'shortName',
  'contractPartner',
  'program',
  'primaryTechPartner',
] as const;

/**
 * Adds a department or edits one (its short name is also the computer-name prefix; the contract
 * flag makes its computers departmental). Short names and names are unique, in any letter case.
 */
export function saveDepartment(
  actor: Actor,
  input: DepartmentSave,
  all: readonly DepartmentRow[],
  now: string,
): Effects {
  const before = input.id === undefined ? undefined : all.find((d) => d.id === input.id);
  if (input.id !== undefined && !before)
    throw new DomainError('NOT_FOUND', `No department #${input.id}.`);
  const others = all.filter((d) => d.id !== input.id);
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  if (others.some((d) => same(d.shortName, input.shortName)))
    throw new DomainError(
      'VALIDATION',
      `Another department has the short name ${input.shortName}.`,
      {
        shortName: 'Another department has this short name',
      },
    );
  if (others.some((d) => same(d.name, input.name)))
    throw new DomainError('VALIDATION', `Another department is called ${input.name}.`, {
      name: 'Another department has this name',
    });
  const after = {
    name: input.name,
    shortName: input.shortName,
    contractPartner: input.contractPartner,
    program: input.program,
    primaryTechPartner: input.primaryTechPartner,
  };
  if (!before) {
    const { audit } = changed(
      actor,
      'department',
      input.shortName,
      undefined,
      after,
      departmentFields,
      now,
    );
    return effects(now, {
      writes: [insertRow('department', after, 'department'), ...audit],
      events: [routingDataEvent('department', ref('department'), 'created', actor.id)],
    });
  }
  const { set, audit } = changed(
    actor,
    'department',
    before.id,
    before,
    after,
    departmentFields,
    now,
  );
  if (audit.length === 0) return effects(now);
  return effects(now, {
    writes: [updateRow('department', before.id, set), ...audit],
    events: [routingDataEvent('department', before.id, 'updated', actor.id)],
  });
}

/** Adds a university holiday (CPS is closed on it; new promises skip it). */
export function addHoliday(
  actor: Actor,
  input: HolidayRow,
  existing: HolidayRow | undefined,
  now: string,
): Effects {
  if (existing)
    throw new DomainError('VALIDATION', `${input.date} is already a holiday (${existing.name}).`, {
      date: 'Already a holiday',
    });
  return effects(now, {
    writes: [
      insertRow('holiday', input),
      adminAuditRow(actor.id, 'holiday', input.date, 'name', null, input.name, now),
    ],
    // A holiday is keyed by its date: the kind names it (entity id 0, as for mail templates).
    events: [routingDataEvent('holiday', 0, `added:${input.date}`, actor.id)],
  });
}

export function removeHoliday(
  actor: Actor,
  date: string,
  existing: HolidayRow | undefined,
  now: string,
): Effects {
  if (!existing) throw new DomainError('NOT_FOUND', `${date} is not a holiday.`);
  return effects(now, {
    writes: [
      deleteRows('holiday', { date }, { expectRows: 1 }),
      adminAuditRow(actor.id, 'holiday', date, 'name', existing.name, null, now),
    ],
    events: [routingDataEvent('holiday', 0, `removed:${date}`, actor.id)],
  });
}

/** Replaces a desk's weekly hours (a weekday left out is closed). */
export function setOpeningHours(
  actor: Actor,
  desk: Desk,
  before: WeeklyHours,
  week: WeeklyHours,
  now: string,
): Effects {
  const from = hoursText(before);
  const to = hoursText(week);
  if (from === to) return effects(now);
  return effects(now, {
    writes: [
      deleteRows('openingHours', { desk }),
      ...[...week]
        .sort((a, b) => a.weekday - b.weekday)
        .map((d) => insertRow('openingHours', { desk, ...d })),
      adminAuditRow(actor.id, 'opening_hours', desk, 'week', from, to, now),
    ],
    events: [routingDataEvent('openingHours', 0, `set:${desk}`, actor.id)],
  });
}

const leadershipFields = ['name', 'contact', 'position'] as const;

/** Adds or edits an HD leadership contact (kb 001: whom to reach when unsure). */
export function saveLeadershipContact(
  actor: Actor,
  input: LeadershipSave,
  before: LeadershipContactRow | undefined,
  now: string,
): Effects {
  if (input.id !== undefined && !before)
    throw new DomainError('NOT_FOUND', `No contact #${input.id}.`);
  const after = { name: input.name, contact: input.contact, position: input.position };
  if (!before) {
    const { audit } = changed(
      actor,
      'leadership',
      input.name,
      undefined,
      after,
      leadershipFields,
      now,
    );
    return effects(now, {
      writes: [insertRow('leadershipContact', after, 'contact'), ...audit],
      events: [routingDataEvent('leadershipContact', ref('contact'), 'created', actor.id)],
    });
  }
  const { set, audit } = changed(
    actor,
    'leadership',
    before.id,
    before,
    after,
    leadershipFields,
    now,
  );
  if (audit.length === 0) return effects(now);
  return effects(now, {
    writes: [updateRow('leadershipContact', before.id, set), ...audit],
    events: [routingDataEvent('leadershipContact', before.id, 'updated', actor.id)],
  });
}

export function removeLeadershipContact(
  actor: Actor,
  id: number,
  before: LeadershipContactRow | undefined,
  now: string,
): Effects {
  if (!before) throw new DomainError('NOT_FOUND', `No contact #${id}.`);
  return effects(now, {
    writes: [
      deleteRows('leadershipContact', { id }, { expectRows: 1 }),
      adminAuditRow(
        actor.id,
        'leadership',
        id,
        'contact',
        `${before.name}: ${before.contact}`,
        null,
        now,
      ),
    ],
    events: [routingDataEvent('leadershipContact', id, 'removed', actor.id)],
  });
}
