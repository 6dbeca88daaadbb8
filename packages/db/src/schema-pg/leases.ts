import { pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Work that must run exactly once among several server processes on one database (the inbound
 * SMTP listener, the delivery worker): the process whose lease is current does it, renews it while
 * it lives, and another takes over once a dead holder's lease has expired (issue 16).
 */
export const leases = pgTable('leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  /** ISO time; a lease not renewed by then is free. */
  expiresAt: text('expires_at').notNull(),
});
