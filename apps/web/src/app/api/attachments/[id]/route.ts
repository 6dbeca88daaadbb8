import { userRepository } from '@handoff/db';
import { findReadableAttachment } from '../../../../server/attachment-download';
import { getSession } from '../../../../server/session';
import { getDb } from '../../../../server/db';

export const dynamic = 'force-dynamic';

/**
 * Downloads an incident's attachment (from e-mail or a Help Online upload) for whoever may read the
 * incident. Always sent as a download, never rendered, so an uploaded page cannot run here.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session) return new Response('Sign in first.', { status: 401 });
  const db = getDb();
  const actor = await userRepository.findActorById(db, session.user.id);
  const id = Number((await params).id);
  // Someone else's file answers like a missing one.
  const attachment = actor ? await findReadableAttachment(db, actor, id) : undefined;
  if (!attachment) return new Response('No such attachment.', { status: 404 });
  if (!attachment.content)
    return new Response(attachment.skippedReason ?? 'The content was not kept.', { status: 410 });
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      'Content-Length': String(attachment.content.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
