import {
  adminAuditInWords,
  auditInWords,
  type AuditedEntity,
  type AuditNames,
} from '@handoff/domain';
import {
  catalogRepository,
  customerRepository,
  outageRepository,
  problemRepository,
  routingDataRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';

/** Each lookup asked once per id while one history is read. */
const remembered = (look: (id: number) => string | undefined) => {
  const seen = new Map<number, string | undefined>();
  return (id: number) => {
    if (!seen.has(id)) seen.set(id, look(id));
    return seen.get(id);
  };
};

/**
 * The names audit rows' ids stand for, read from the database. The domain looks them up one by one
 * and synchronously, so these read through the repositories' synchronous twins (issue 20 stage 2:
 * load the names of a page's audit rows first).
 */
export function auditNames(db: Db): AuditNames {
  return {
    team: remembered((id) => teamRepository.findByIdSync(db, id)?.name),
    user: remembered((id) => userRepository.findByIdSync(db, id)?.name),
    service: remembered((id) => catalogRepository.findServiceByIdSync(db, id)?.name),
    customer: remembered((id) => customerRepository.findByIdSync(db, id)?.name),
    problem: remembered((id) => problemRepository.findByIdSync(db, id)?.number),
    outage: remembered((id) => outageRepository.findByIdSync(db, id)?.number),
    department: remembered(
      (id) => routingDataRepository.findDepartmentsSync(db).find((d) => d.id === id)?.name,
    ),
  };
}

type StoredAudit = { field: string; fromValue: string | null; toValue: string | null };

/** Audit rows as stored, each with `words`: its field label and values as a person reads them. */
export function withWords<R extends StoredAudit>(db: Db, entity: AuditedEntity, rows: R[]) {
  const names = auditNames(db);
  return rows.map((row) => ({ ...row, words: auditInWords(entity, row, names) }));
}

/** Admin audit rows, each with `words` (what, which one, field, values). */
export function adminWithWords<R extends StoredAudit & { entity: string; entityKey: string }>(
  db: Db,
  rows: R[],
) {
  const names = auditNames(db);
  return rows.map((row) => ({ ...row, words: adminAuditInWords(row, names) }));
}
