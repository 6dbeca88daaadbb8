import { canReadIncident } from '@handoff/domain';
import { attachmentRepository, incidentRepository, userRepository } from '@handoff/db';
import { getSession } from '../../../../server/auth';
import { getDb } from '../../../../server/db';

export const dynamic = 'force-dynamic';

/**
 * Downloads a case attachment for whoever may read its case (staff, or the customer it was filed
 * for). It is always sent as a download, never rendered, so an uploaded page cannot run here.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getSession();
  if (!session) return new Response('Sign in first.', { status: 401 });
  const db = getDb();
  const actor = userRepository.findActorById(db, session.user.id);
  const id = Number((await params).id);
  const file = actor && Number.isInteger(id) ? attachmentRepository.findById(db, id) : undefined;
  const incident = file ? incidentRepository.findById(db, file.incidentId) : undefined;
  // Someone else's file answers like a missing one.
  if (!actor || !file || !incident || !canReadIncident(actor, incident)) return new Response('No such attachment.', { status: 404 });
  return new Response(new Uint8Array(file.data), {
    headers: {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.sizeBytes),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
