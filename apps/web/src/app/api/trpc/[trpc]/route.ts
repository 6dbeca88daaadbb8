import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { env } from '../../../../env';
import { createContext } from '../../../../server/context';
import { appRouter } from '../../../../server/root';
import { guardTrpcRequest } from '../../../../server/trpc-request-guard';

export const dynamic = 'force-dynamic';

// Same-origin, JSON-only mutations and batch and body limits first (issue 13 item 7).
const handler = async (req: Request) => {
  const { APP_URL, NEXTAUTH_URL } = env();
  const allowedOrigins = [APP_URL, NEXTAUTH_URL].flatMap((u) => (u ? [new URL(u).origin] : []));
  const guarded = await guardTrpcRequest(req, { allowedOrigins });
  if (guarded instanceof Response) return guarded;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: guarded,
    router: appRouter,
    createContext,
  });
};

export { handler as GET, handler as POST };
