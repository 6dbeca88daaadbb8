import { z } from 'zod';
import { env } from '../../../../env';
import { now, setClock } from '../../../../server/clock';

export const dynamic = 'force-dynamic';

// Lets end-to-end tests pin the server's clock. Exists only when HANDOFF_TEST_CLOCK=1.
const bodySchema = z.object({ at: z.iso.datetime({ offset: true }).nullable() });

export function GET() {
  if (!env().HANDOFF_TEST_CLOCK) return new Response('Not found', { status: 404 });
  return Response.json({ now: now() });
}

export async function POST(req: Request) {
  if (!env().HANDOFF_TEST_CLOCK) return new Response('Not found', { status: 404 });
  const parsed = bodySchema.safeParse(await req.json().catch(() => null));
  if (!parsed.success)
    return Response.json(
      { error: 'Send {"at": "<ISO instant>"} or {"at": null}' },
      { status: 400 },
    );
  setClock(parsed.data.at);
  return Response.json({ now: now() });
}
