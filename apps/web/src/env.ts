// The one place that reads process.env: validated once, failing fast with a clear message.
import { resolve } from 'node:path';
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production';
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const envSchema = z.object({
  DATABASE_PATH: z.string().min(1).default(resolve(process.cwd(), '../../data/handoff.db')),
  MIGRATIONS_DIR: z.string().min(1).default(resolve(process.cwd(), '../../packages/db/migrations')),
  /**
   * `postgres://…` serves Handoff on that PostgreSQL database (issue 20) instead of the SQLite file
   * at DATABASE_PATH: migrated on start and, when new, loaded as a new SQLite database is.
   */
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, {
        error: 'DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for SQLite)',
      })
      .optional(),
  ),
  PG_MIGRATIONS_DIR: z
    .string()
    .min(1)
    .default(resolve(process.cwd(), '../../packages/db/drizzle-pg')),
  NEXTAUTH_SECRET: isProduction
    ? z
        .string({ error: 'NEXTAUTH_SECRET must be set in production (npm start sets one for you)' })
        .min(16)
    : z.string().min(16).default('handoff-development-secret-not-for-production'),
  /**
   * `1` (default, the demo of `npm start`): an empty database gets the demo data and its published
   * logins. `0` for a deployment: reference data only, no login; `npm run admin:create` makes the first admin.
   */
  HANDOFF_DEMO_DATA: z
    .enum(['0', '1'])
    .default('1')
    .transform((v) => v === '1'),
  /** Lets e2e tests set the server's clock; never on in a real deployment. */
  HANDOFF_TEST_CLOCK: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
  /** Where people reach the app: e-mails link to its pages from here. Defaults to NEXTAUTH_URL. */
  APP_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^https?$/, error: 'APP_URL must be an http:// or https:// URL' }).optional(),
  ),
  NEXTAUTH_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'NEXTAUTH_URL must be an http:// or https:// URL' })
      .optional(),
  ),
  /** Outbound SMTP server, e.g. smtp://user:pass@mail.example.edu:587; absent = messages are held in the outbox. */
  SMTP_URL: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL' })
      .optional(),
  ),
  /** Port of the inbound SMTP listener on 127.0.0.1; 0 turns it off. */
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
  /** The help desk's address: From of every message, and where customers write (the listener's only mailbox). */
  MAIL_FROM: z.email('MAIL_FROM must be an e-mail address').default('help@handoff.test'),
  MAIL_FROM_NAME: z.string().trim().min(1).default('UW–Madison Help Desk'),
  /** Reply-To and the listener's mailbox, when they differ from MAIL_FROM. */
  MAIL_INBOUND_ADDRESS: z.preprocess(
    blankToUndefined,
    z.email('MAIL_INBOUND_ADDRESS must be an e-mail address').optional(),
  ),
  /** How often the delivery worker looks for due messages. */
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  /** Largest inbound message accepted (SMTP SIZE), and largest attachment whose content is kept. */
  INBOUND_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(15 * 1024 * 1024),
  INBOUND_MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 1024 * 1024),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  cached = parseEnv(process.env);
  return cached;
}

/** Validates an environment (the process's, or a test's own object); throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Handoff cannot start: bad environment\n${lines}`);
  }
  return parsed.data;
}

/** True while `next build` runs: background services (mail) must not start then. */
export const isBuildPhase = (): boolean => process.env.NEXT_PHASE === 'phase-production-build';
