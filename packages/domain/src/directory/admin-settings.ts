// Small settings writes as Effects, each announced so other sessions and workers can follow:
// an agent's presence, the on-call contacts, a team's e-mail setting and the stored settings.
import { concerned, deleteRows, effects, insertRow, updateRow, type Effects } from '../change';
import { DomainError } from '../errors';
import { type OncallSchedule } from '../routing/schemas';
import { type TeamRow } from './entity';

export interface OncallContactRow {
  id: number;
  schedule: OncallSchedule;
  name: string;
  phone: string;
  position: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
  updatedAt: string;
}

declare module '../change/entities' {
  interface Entities {
    oncallContact: { row: OncallContactRow; insert: Omit<OncallContactRow, 'id'> };
    setting: { row: SettingRow; insert: SettingRow };
  }
}

export const newOncallContactRef = { ref: 'oncallContact' } as const;

const event = (
  entity: 'user' | 'team' | 'oncallContact' | 'setting',
  entityId: number | typeof newOncallContactRef,
  kind: string,
  actorId: number,
  { teamIds = [], userIds = [] }: { teamIds?: readonly number[]; userIds?: readonly number[] } = {},
) => ({ entity, entityId, kind, actorId, teamIds: [...teamIds], userIds: [...userIds] });

const goneContact = () => new DomainError('NOT_FOUND', 'That on-call contact no longer exists.');

export const createOncallContactEffects = (
  values: Omit<OncallContactRow, 'id'>,
  actorId: number,
  now: string,
): Effects =>
  effects(now, {
    writes: [insertRow('oncallContact', values, newOncallContactRef.ref)],
    events: [event('oncallContact', newOncallContactRef, 'created', actorId)],
  });

/** Changes a contact that still exists (`existing` as loaded in the same commit). */
export function updateOncallContactEffects(
  existing: Pick<OncallContactRow, 'id'> | undefined,
  values: Partial<Omit<OncallContactRow, 'id'>>,
  actorId: number,
  now: string,
): Effects {
  if (!existing) throw goneContact();
  return effects(now, {
    writes: [updateRow('oncallContact', existing.id, values)],
    events: [event('oncallContact', existing.id, 'updated', actorId)],
  });
}

export function removeOncallContactEffects(
  existing: Pick<OncallContactRow, 'id'> | undefined,
  actorId: number,
  now: string,
): Effects {
  if (!existing) throw goneContact();
  return effects(now, {
    writes: [deleteRows('oncallContact', { id: existing.id }, { expectRows: 1 })],
    events: [event('oncallContact', existing.id, 'removed', actorId)],
  });
}

/** Whom a team's e-mail goes to (everyone or nobody); the team hears of it. */
export function setTeamNotifyEffects(
  team: Pick<TeamRow, 'id'> | undefined,
  notify: TeamRow['notify'],
  actorId: number,
  now: string,
): Effects {
  if (!team) throw new DomainError('NOT_FOUND', 'That team no longer exists.');
  return effects(now, {
    writes: [updateRow('team', team.id, { notify })],
    events: [event('team', team.id, 'notify', actorId, { teamIds: concerned(team.id) })],
  });
}

/**
 * Sets a stored setting (replacing its value); the event carries no id of its own (settings are
 * keyed by name), so it is announced on entity id 0 with the key as its kind.
 */
export const setSettingEffects = (
  key: string,
  value: unknown,
  actorId: number,
  now: string,
): Effects =>
  effects(now, {
    writes: [deleteRows('setting', { key }), insertRow('setting', { key, value, updatedAt: now })],
    events: [event('setting', 0, key, actorId)],
  });
