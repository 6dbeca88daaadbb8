import { handleTrpcRequest } from '../../../../server/trpc-handler';

export const dynamic = 'force-dynamic';

// Development (`next dev`) serves tRPC here; the production server answers /api/trpc itself.
const handler = (req: Request) => handleTrpcRequest(req);

export { handler as GET, handler as POST };
