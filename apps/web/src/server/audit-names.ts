import {
  adminAuditInWords,
  auditInWords,
  type AuditedEntity,
  type AuditNames,
} from '@handoff/domain';
import { namesRepository, type Db } from '@handoff/db';

type Kind = (typeof namesRepository.nameKinds)[number];
const byKind = <T>(value: (kind: Kind) => T) =>
  Object.fromEntries(namesRepository.nameKinds.map((k) => [k, value(k)])) as Record<Kind, T>;

/**
 * The names audit rows' ids stand for. The domain looks them up one by one and synchronously, so
 * `describe` runs twice: first against a recorder that notes every id it asks for, which are then
 * loaded (one query per kind, on either engine), and the second time from those.
 */
async function loadedNames(db: Db, describe: (names: AuditNames) => void): Promise<AuditNames> {
  const wanted = byKind(() => new Set<number>());
  describe(
    byKind((kind) => (id: number) => {
      wanted[kind].add(id);
      return undefined;
    }),
  );
  const found = await namesRepository.findNames(
    db,
    byKind((kind) => [...wanted[kind]]),
  );
  return byKind((kind) => (id: number) => found[kind].get(id));
}

type StoredAudit = { field: string; fromValue: string | null; toValue: string | null };

/** Audit rows as stored, each with `words`: its field label and values as a person reads them. */
export async function withWords<R extends StoredAudit>(db: Db, entity: AuditedEntity, rows: R[]) {
  const words = (names: AuditNames) => rows.map((row) => auditInWords(entity, row, names));
  const names = await loadedNames(db, words);
  return rows.map((row) => ({ ...row, words: auditInWords(entity, row, names) }));
}

/** Admin audit rows, each with `words` (what, which one, field, values). */
export async function adminWithWords<R extends StoredAudit & { entity: string; entityKey: string }>(
  db: Db,
  rows: R[],
) {
  const words = (names: AuditNames) => rows.map((row) => adminAuditInWords(row, names));
  const names = await loadedNames(db, words);
  return rows.map((row) => ({ ...row, words: adminAuditInWords(row, names) }));
}
