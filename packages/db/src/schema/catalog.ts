import { integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core';

/** One row per catalog entry: service → category → subcategory. */
export const services = sqliteTable(
  'services',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    category: text('category').notNull(),
    subcategory: text('subcategory').notNull(),
    banner: text('banner', { enum: ['pick5', 'pick2'] }),
    generalHdHandles: integer('general_hd_handles', { mode: 'boolean' }).notNull().default(false),
    supportCategory: integer('support_category').notNull().default(3),
    technologistGroup: text('technologist_group'),
    customerFacing: integer('customer_facing', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [unique('services_path_uq').on(t.name, t.category, t.subcategory)],
);
