import NextAuth from 'next-auth';
import { authOptions } from '../../../../server/auth';

export const dynamic = 'force-dynamic';

// next-auth v4 builds its handler per request so the options (and the env they read) load lazily.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return (
    NextAuth(authOptions()) as (
      r: Request,
      c: { params: { nextauth: string[] } },
    ) => Promise<Response>
  )(req, {
    params: await ctx.params,
  });
}

export { handler as GET, handler as POST };
