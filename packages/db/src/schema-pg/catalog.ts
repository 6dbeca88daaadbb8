import { boolean, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';

/** One row per catalog entry: service → category → subcategory. */
export const services = pgTable(
  'services',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    name: text('name').notNull(),
    category: text('category').notNull(),
    subcategory: text('subcategory').notNull(),
    banner: text('banner', { enum: ['pick5', 'pick2'] }),
    generalHdHandles: boolean('general_hd_handles').notNull().default(false),
    supportCategory: integer('support_category').notNull().default(3),
    technologistGroup: text('technologist_group'),
    customerFacing: boolean('customer_facing').notNull().default(true),
  },
  (t) => [unique('services_path_uq').on(t.name, t.category, t.subcategory)],
);
