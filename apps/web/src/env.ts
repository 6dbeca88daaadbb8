// The one place that reads process.env: validated once, failing fast with a clear message.
import { resolve } from 'node:path';
import { z } from 'zod';

const isProduction = process.env.NODE_ENV === 'production';

const envSchema = z.object({
  DATABASE_PATH: z.string().min(1).default(resolve(process.cwd(), '../../data/handoff.db')),
  MIGRATIONS_DIR: z.string().min(1).default(resolve(process.cwd(), '../../packages/db/migrations')),
  NEXTAUTH_SECRET: isProduction
    ? z.string({ error: 'NEXTAUTH_SECRET must be set in production (npm start sets one for you)' }).min(16)
    : z.string().min(16).default('handoff-development-secret-not-for-production'),
  /** Lets e2e tests set the server's clock; never on in a real deployment. */
  HANDOFF_TEST_CLOCK: z
    .enum(['0', '1'])
    .default('0')
    .transform((v) => v === '1'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Handoff cannot start: bad environment\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}
