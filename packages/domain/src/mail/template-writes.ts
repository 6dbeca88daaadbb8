// The admin's mail templates as the commit kernel knows them: saving replaces the wording of one
// key, resetting goes back to the shipped default; each write is announced.
import { deleteRows, effects, insertRow, type Effects } from '../change';
import { DomainError } from '../errors';
import { templateFieldErrors, type MailTemplateInput, type MailTemplateKey } from './templates';

export interface MailTemplateRow {
  key: MailTemplateKey;
  subject: string;
  body: string;
  updatedAt: string;
  updatedById: number | null;
}

declare module '../change/entities' {
  interface Entities {
    mailTemplate: { row: MailTemplateRow; insert: MailTemplateRow };
  }
}

const templateEvent = (kind: string, key: MailTemplateKey, actorId: number) => ({
  entity: 'mailTemplate' as const,
  entityId: 0,
  kind: `${kind}:${key}`,
  actorId,
  teamIds: [],
  userIds: [],
});

/** Saves the template's wording; a placeholder it may not use is a VALIDATION error on its field. */
export function saveMailTemplateEffects(
  input: MailTemplateInput,
  actorId: number,
  now: string,
): Effects {
  const fields = templateFieldErrors(input);
  if (Object.keys(fields).length > 0)
    throw new DomainError('VALIDATION', Object.values(fields).join(' '), fields);
  return effects(now, {
    writes: [
      deleteRows('mailTemplate', { key: input.key }),
      insertRow('mailTemplate', { ...input, updatedAt: now, updatedById: actorId }),
    ],
    events: [templateEvent('saved', input.key, actorId)],
  });
}

/** Back to the shipped wording (`saved` = whether there was wording of the admin's to drop). */
export function resetMailTemplateEffects(
  key: MailTemplateKey,
  saved: boolean,
  actorId: number,
  now: string,
): Effects {
  return saved
    ? effects(now, {
        writes: [deleteRows('mailTemplate', { key }, { expectRows: 1 })],
        events: [templateEvent('reset', key, actorId)],
      })
    : effects(now);
}
