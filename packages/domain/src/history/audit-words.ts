// History speaks words, not ids (issue 19 item 3): an audit row of an incident (partner tickets
// included) or a problem, or of the admin audit log, as a person reads it.
import { type AdminAuditEntity } from '../admin/entity';
import { promisesSchema, type Incident } from '../incident/schema';
import { urgencyLabels } from '../incident/constants';
import { type Problem } from '../problem/schema';
import { roleLabels } from '../roles';
import { formatDeskTime } from './format-time';

/** Names of what audit rows store as ids; undefined when the row is gone (the id is shown then). */
export interface AuditNames {
  team(id: number): string | undefined;
  user(id: number): string | undefined;
  service(id: number): string | undefined;
  customer(id: number): string | undefined;
  problem(id: number): string | undefined;
  outage(id: number): string | undefined;
  department(id: number): string | undefined;
}

/** How a stored value reads: as text, a name looked up by id, a time, the promises, or a label. */
type ValueKind =
  | 'text'
  | 'count'
  | 'time'
  | 'promises'
  | 'yesNo'
  | { name: keyof AuditNames }
  | { labels: Record<string, string> };

interface FieldSpec {
  label: string;
  kind: ValueKind;
}

/** Fields no audit row names: identity and bookkeeping. */
type Bookkeeping = 'id' | 'number' | 'version' | 'createdById' | 'createdAt' | 'updatedAt';

const words = (v: string) => v.charAt(0).toUpperCase() + v.slice(1).replace(/_/g, ' ');
const labelsOf = (values: readonly string[], overrides: Record<string, string> = {}) => ({
  labels: Object.fromEntries(values.map((v) => [v, overrides[v] ?? words(v)])),
});

export const incidentStatusLabels: Record<Incident['status'], string> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending_customer: 'Pending customer',
  resolved: 'Resolved',
  closed: 'Closed',
};

const tpTriageLabels: Record<NonNullable<Incident['tpTriage']>, string> = {
  review: 'In TP review',
  info_requested: 'Information requested',
  mission_critical: 'Mission critical',
  handled_normally: 'Handled normally',
  escalated: 'Escalated to technologists',
};

const channelLabels: Record<Incident['channel'], string> = {
  phone: 'Phone',
  email: 'E-mail',
  chat: 'Chat',
  portal: 'Portal',
  auto: 'Automatic',
};

/** Every field an incident's (or partner ticket's) audit row may name; the compiler keeps it complete. */
export const incidentAuditFields: Record<Exclude<keyof Incident, Bookkeeping>, FieldSpec> = {
  callerName: { label: 'Caller name', kind: 'text' },
  callerPhone: { label: 'Caller phone', kind: 'text' },
  callerEmail: { label: 'Caller e-mail', kind: 'text' },
  customerId: { label: 'Customer', kind: { name: 'customer' } },
  channel: { label: 'Channel', kind: { labels: channelLabels } },
  serviceId: { label: 'Service', kind: { name: 'service' } },
  description: { label: 'Description', kind: 'text' },
  classification: { label: 'Classification', kind: 'text' },
  status: { label: 'Status', kind: { labels: incidentStatusLabels } },
  ownerTeamId: { label: 'Owner team', kind: { name: 'team' } },
  ownerAgentId: { label: 'Owner', kind: { name: 'user' } },
  urgency: { label: 'Urgency', kind: { labels: urgencyLabels } },
  expectation: { label: 'Expectation', kind: 'text' },
  preferredContact: { label: 'Preferred contact', kind: 'text' },
  computerName: { label: 'Computer name', kind: 'text' },
  problemId: { label: 'Problem', kind: { name: 'problem' } },
  promises: { label: 'Promises', kind: 'promises' },
  peopleAffected: { label: 'People affected', kind: 'count' },
  tpTriage: { label: 'TP review', kind: { labels: tpTriageLabels } },
};

/** Every field a problem's audit row may name. */
export const problemAuditFields: Record<Exclude<keyof Problem, Bookkeeping>, FieldSpec> = {
  title: { label: 'Title', kind: 'text' },
  status: { label: 'Status', kind: labelsOf(['open', 'resolved']) },
  serviceId: { label: 'Service', kind: { name: 'service' } },
  category: { label: 'Category', kind: 'text' },
  impact: { label: 'Impact', kind: 'text' },
  symptoms: { label: 'Symptoms', kind: 'text' },
  firstSeenAt: { label: 'First seen', kind: 'time' },
  ownerTeamId: { label: 'Owner team', kind: { name: 'team' } },
  outageId: { label: 'Outage', kind: { name: 'outage' } },
  resolvedAt: { label: 'Resolved', kind: 'time' },
};

/** The promise names as the customer hears them. */
export const promiseWords: Record<keyof Incident['promises'], string> = {
  contactBy: 'Contact by',
  callIfNoContactBy: 'Call us if no contact by',
  respondBy: 'Respond by',
  techContactBy: 'Technician contacts by',
};

/** `{"contactBy":"…"}` → "Contact by Tue, Dec 1, 2:00 PM"; none → "No promises". */
export function promisesInWords(stored: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return stored;
  }
  const promises = promisesSchema.safeParse(parsed);
  if (!promises.success) return stored;
  const said = (Object.keys(promiseWords) as (keyof typeof promiseWords)[])
    .filter((k) => promises.data[k])
    .map((k) => `${promiseWords[k]} ${formatDeskTime(promises.data[k]!)}`);
  return said.length ? said.join('; ') : 'No promises';
}

function showValue(kind: ValueKind, v: string | null, names: AuditNames): string | null {
  if (v === null) return null;
  if (kind === 'text') return v;
  if (kind === 'count') return v;
  if (kind === 'time') return formatDeskTime(v);
  if (kind === 'promises') return promisesInWords(v);
  if (kind === 'yesNo')
    return v === 'true' || v === 'yes' ? 'Yes' : v === 'false' || v === 'no' ? 'No' : v;
  if ('labels' in kind) return kind.labels[v] ?? v;
  const id = Number(v);
  return (Number.isInteger(id) ? names[kind.name](id) : undefined) ?? `#${v}`;
}

/** An audit row as words: the field's label and both values. */
export interface AuditWords {
  field: string;
  fromValue: string | null;
  toValue: string | null;
}

export type AuditedEntity = 'incident' | 'problem';
const specs: Record<AuditedEntity, Record<string, FieldSpec>> = {
  incident: incidentAuditFields,
  problem: problemAuditFields,
};

/** An incident's or a problem's audit row in words; an unknown field keeps its stored text. */
export function auditInWords(
  entity: AuditedEntity,
  row: { field: string; fromValue: string | null; toValue: string | null },
  names: AuditNames,
): AuditWords {
  const spec = specs[entity][row.field];
  if (!spec) return { field: words(row.field), fromValue: row.fromValue, toValue: row.toValue };
  return {
    field: spec.label,
    fromValue: showValue(spec.kind, row.fromValue, names),
    toValue: showValue(spec.kind, row.toValue, names),
  };
}

export const adminAuditEntityLabels: Record<AdminAuditEntity, string> = {
  user: 'Login',
  department: 'Department',
  holiday: 'Holiday',
  opening_hours: 'Opening hours',
  leadership: 'HD leadership contact',
  lockout: 'Sign-in lockout',
  team_lead: 'Team lead',
};

const adminFields: Record<string, FieldSpec> = {
  name: { label: 'Name', kind: 'text' },
  shortName: { label: 'Short name', kind: 'text' },
  contractPartner: { label: 'Contract partner', kind: 'yesNo' },
  program: { label: 'Program', kind: 'text' },
  primaryTechPartner: { label: 'Primary Tech Partner', kind: 'yesNo' },
  active: { label: 'Active', kind: 'yesNo' },
  password: { label: 'Password', kind: 'text' },
  created: { label: 'Created', kind: 'text' },
  role: { label: 'Role', kind: { labels: roleLabels } },
  week: { label: 'Week', kind: 'text' },
  contact: { label: 'Contact', kind: 'text' },
  position: { label: 'Position', kind: 'count' },
  'locked until': { label: 'Locked until', kind: 'time' },
  lead: { label: 'Lead', kind: { name: 'user' } },
};

/** An admin audit row in words: what kind of thing, which one (a login's or department's name), the field. */
export function adminAuditInWords(
  row: {
    entity: string;
    entityKey: string;
    field: string;
    fromValue: string | null;
    toValue: string | null;
  },
  names: AuditNames,
): AuditWords & { entity: string; entityKey: string } {
  const id = Number(row.entityKey);
  const which =
    Number.isInteger(id) && row.entity === 'user'
      ? names.user(id)
      : Number.isInteger(id) && row.entity === 'department'
        ? names.department(id)
        : Number.isInteger(id) && row.entity === 'team_lead'
          ? names.team(id)
          : undefined;
  const spec = adminFields[row.field];
  return {
    entity: adminAuditEntityLabels[row.entity as AdminAuditEntity] ?? words(row.entity),
    entityKey: which ?? row.entityKey,
    field: spec?.label ?? words(row.field),
    fromValue: spec ? showValue(spec.kind, row.fromValue, names) : row.fromValue,
    toValue: spec ? showValue(spec.kind, row.toValue, names) : row.toValue,
  };
}
