import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL `bytea` as a Node Buffer: the row type of SQLite's `blob({ mode: 'buffer' })`. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});
