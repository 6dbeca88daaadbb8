import NextAuth from 'next-auth';
import { authOptions } from '../../../../server/auth';
import { throttledSignIn } from '../../../../server/sign-in-route';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth v4 builds its handler per request so the options (and the env they read) load lazily.
async function nextAuth(req: Request, ctx: Ctx): Promise<Response> {
  return (
    NextAuth(authOptions()) as (
      r: Request,
      c: { params: { nextauth: string[] } },
    ) => Promise<Response>
  )(req, {
    params: await ctx.params,
  });
}

// The credentials callback (the password check) goes through the sign-in throttle first.
async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  return nextauth.join('/') === 'callback/credentials'
    ? throttledSignIn(req, (r) => nextAuth(r, ctx))
    : nextAuth(req, ctx);
}

export { nextAuth as GET, POST };
