import { defineConfig } from 'drizzle-kit';

// The PostgreSQL schema (src/schema-pg mirrors src/schema table by table) and its own migrations.
// Generate with `npx drizzle-kit generate --config drizzle.pg.config.ts`; no database is needed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema-pg/index.ts',
  out: './drizzle-pg',
});
