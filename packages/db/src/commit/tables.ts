// Which table each aggregate of the kernel (packages/domain/src/change/entities.ts) is stored in.
// A new aggregate adds one line here and one augmentation in its domain folder.
import { type AuditEntity, type EntityName, type JournalEntity, type RowOf } from '@handoff/domain';
import { type AnySQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  adminAudit,
  departments,
  holidays,
  leadershipContacts,
  openingHours,
  idempotencyKeys,
  signInCounters,
  attachments,
  auditEvents,
  consultRequests,
  customers,
  inboundMail,
  incidents,
  incidentViewers,
  incidentFollowers,
  mailTemplates,
  notifications,
  outbox,
  oncallContacts,
  settings,
  journalEntries,
  organisationDomains,
  organisations,
  outages,
  outageServices,
  outageUpdates,
  partnerHops,
  partnerTickets,
  problemAudit,
  problemJournal,
  problems,
  queueViews,
  routingAnswers,
  slaClocks,
  slaPolicies,
  slaWarnings,
  teamLeads,
  teamMembers,
  teams,
  users,
} from '../schema';

/** The aggregate's own table; it has an integer `id` and, when versioned, a `version` column. */
export const entityTables: { readonly [E in EntityName]: SQLiteTable } = {
  incident: incidents,
  problem: problems,
  outage: outages,
  consult: consultRequests,
  routingAnswers,
  inboundMail,
  attachment: attachments,
  partnerTicket: partnerTickets,
  partnerHop: partnerHops,
  team: teams,
  user: users,
  customer: customers,
  organisation: organisations,
  organisationDomain: organisationDomains,
  teamMember: teamMembers,
  incidentViewer: incidentViewers,
  incidentFollower: incidentFollowers,
  adminAudit,
  idempotencyKey: idempotencyKeys,
  signInCounter: signInCounters,
  department: departments,
  holiday: holidays,
  openingHours,
  leadershipContact: leadershipContacts,
  slaClock: slaClocks,
  slaPolicy: slaPolicies,
  slaWarning: slaWarnings,
  teamLead: teamLeads,
  queueView: queueViews,
  outageService: outageServices,
  oncallContact: oncallContacts,
  setting: settings,
  mailTemplate: mailTemplates,
  notification: notifications,
  outbox,
};

/** Aggregates addressed by another column than `id` (updates, inserted ids): a partner ticket by its incident. */
export const entityKeys: { readonly [E in EntityName]?: string } = {
  partnerTicket: 'incidentId',
  holiday: 'date',
  routingAnswers: 'incidentId',
  outageService: 'outageId',
  setting: 'key',
  mailTemplate: 'key',
};

/** Where an aggregate's journal entries go, and the column that points at the aggregate. */
export const journalTables: {
  readonly [E in JournalEntity]: { table: SQLiteTable; owner: string };
} = {
  incident: { table: journalEntries, owner: 'incidentId' },
  problem: { table: problemJournal, owner: 'problemId' },
  outage: { table: outageUpdates, owner: 'outageId' },
};

/** Where an aggregate's audit rows go, and the column that points at the aggregate. */
export const auditTables: { readonly [E in AuditEntity]: { table: SQLiteTable; owner: string } } = {
  incident: { table: auditEvents, owner: 'incidentId' },
  problem: { table: problemAudit, owner: 'problemId' },
};

// A stored row satisfies the kernel's row type, so the two cannot drift apart.
const _incident = (r: typeof incidents.$inferSelect): RowOf<'incident'> => r;
void _incident;
const _consult = (r: typeof consultRequests.$inferSelect): RowOf<'consult'> => r;
void _consult;
const _routingAnswers = (r: typeof routingAnswers.$inferSelect): RowOf<'routingAnswers'> => r;
void _routingAnswers;
const _rows = {
  inboundMail: (r: typeof inboundMail.$inferSelect): RowOf<'inboundMail'> => r,
  attachment: (r: typeof attachments.$inferSelect): RowOf<'attachment'> => r,
  partnerTicket: (r: typeof partnerTickets.$inferSelect): RowOf<'partnerTicket'> => r,
  partnerHop: (r: typeof partnerHops.$inferSelect): RowOf<'partnerHop'> => r,
  team: (r: typeof teams.$inferSelect): RowOf<'team'> => r,
  user: (r: typeof users.$inferSelect): RowOf<'user'> => r,
  customer: (r: typeof customers.$inferSelect): RowOf<'customer'> => r,
  organisation: (r: typeof organisations.$inferSelect): RowOf<'organisation'> => r,
  organisationDomain: (r: typeof organisationDomains.$inferSelect): RowOf<'organisationDomain'> =>
    r,
  teamMember: (r: typeof teamMembers.$inferSelect): RowOf<'teamMember'> => r,
  adminAudit: (r: typeof adminAudit.$inferSelect): RowOf<'adminAudit'> => r,
  incidentFollower: (r: typeof incidentFollowers.$inferSelect): RowOf<'incidentFollower'> => r,
  idempotencyKey: (r: typeof idempotencyKeys.$inferSelect): RowOf<'idempotencyKey'> => r,
  signInCounter: (r: typeof signInCounters.$inferSelect): RowOf<'signInCounter'> => r,
  department: (r: typeof departments.$inferSelect): RowOf<'department'> => r,
  holiday: (r: typeof holidays.$inferSelect): RowOf<'holiday'> => r,
  openingHours: (r: typeof openingHours.$inferSelect): RowOf<'openingHours'> => r,
  leadershipContact: (r: typeof leadershipContacts.$inferSelect): RowOf<'leadershipContact'> => r,
  slaClock: (r: typeof slaClocks.$inferSelect): RowOf<'slaClock'> => r,
  slaPolicy: (r: typeof slaPolicies.$inferSelect): RowOf<'slaPolicy'> => r,
  slaWarning: (r: typeof slaWarnings.$inferSelect): RowOf<'slaWarning'> => r,
  teamLead: (r: typeof teamLeads.$inferSelect): RowOf<'teamLead'> => r,
  queueView: (r: typeof queueViews.$inferSelect): RowOf<'queueView'> => r,
  outageService: (r: typeof outageServices.$inferSelect): RowOf<'outageService'> => r,
  oncallContact: (r: typeof oncallContacts.$inferSelect): RowOf<'oncallContact'> => r,
  setting: (r: typeof settings.$inferSelect): RowOf<'setting'> => r,
  mailTemplate: (r: typeof mailTemplates.$inferSelect): RowOf<'mailTemplate'> => r,
  notification: (r: typeof notifications.$inferSelect): RowOf<'notification'> => r,
  outbox: (r: typeof outbox.$inferSelect): RowOf<'outbox'> => r,
};
void _rows;

export type Column = AnySQLiteColumn;
