import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { env } from '../env';
import { createContext } from './context';
import { appRouter } from './root';
import { guardTrpcRequest } from './trpc-request-guard';

export const trpcEndpoint = '/api/trpc';

/**
 * Answers one tRPC request: same-origin, JSON-only mutations and batch and body limits first
 * (issue 13 item 7), then the procedures. Served by the production server's own HTTP handler
 * (`serve.ts`, beside Next's pages) and by Next's route in development.
 */
export async function handleTrpcRequest(req: Request): Promise<Response> {
  const { APP_URL, NEXTAUTH_URL } = env();
  const allowedOrigins = [APP_URL, NEXTAUTH_URL].flatMap((u) => (u ? [new URL(u).origin] : []));
  const guarded = await guardTrpcRequest(req, { allowedOrigins });
  if (guarded instanceof Response) return guarded;
  return fetchRequestHandler({
    endpoint: trpcEndpoint,
    req: guarded,
    router: appRouter,
    createContext,
  });
}
