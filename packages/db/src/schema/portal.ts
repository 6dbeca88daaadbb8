import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { incidents } from './incidents';
import { users } from './people';

/**
 * Files a customer attaches to a Help Online case. Kept in the database (a few small files per case,
 * capped by portalCaseCreateSchema) so a backup of the SQLite file is a backup of everything.
 */
export const caseAttachments = sqliteTable(
  'case_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    incidentId: integer('incident_id').notNull().references(() => incidents.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    uploadedById: integer('uploaded_by_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('case_attachments_incident_idx').on(t.incidentId, t.id)],
);
