import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins per account address and per client address (issue 13 item 5), in the database so
 * that every server process on it counts the same failures. Old counters are pruned.
 */
export const signInCounters = pgTable(
  'sign_in_counters',
  {
    /** `account` (the address typed, lower case) or `client` (the client's network address). */
    kind: text('kind', { enum: ['account', 'client'] }).notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    /** Epoch ms of the first failure of the current window. */
    windowStart: bigint('window_start', { mode: 'number' }).notNull(),
    /** Epoch ms until which the key is locked out, or null. */
    lockedUntil: bigint('locked_until', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.key] }),
    index('sign_in_counters_locked_idx').on(t.lockedUntil),
  ],
);
