// What reaches the tRPC handler (issue 13 item 7): mutations only from our own pages, as JSON, in
// small batches and bodies. Refusals are plain JSON with a message; nothing is parsed or run.

import { trpcMaxBatch } from '../trpc/limits';

export const trpcLimits = { maxBatch: trpcMaxBatch, maxBodyBytes: 1024 * 1024 } as const;

const refuse = (status: number, message: string) =>
  Response.json({ error: { message, code: status } }, { status });

/**
 * Same-origin: a browser says where a request comes from (Sec-Fetch-Site, else Origin); a request
 * from another site is refused. Clients that send neither (scripts, tests over HTTP) carry no
 * ambient browser credentials on someone else's behalf, so they pass.
 */
function crossSiteRefusal(req: Request, allowedOrigins: readonly string[]): Response | null {
  const site = req.headers.get('sec-fetch-site');
  // The browser sets Sec-Fetch-Site itself (no page can forge it): when present it decides.
  if (site)
    return site === 'same-origin'
      ? null
      : refuse(403, `Refused: a ${site} request may not change anything here.`);
  const origin = req.headers.get('origin');
  if (origin && !allowedOrigins.includes(origin) && origin !== new URL(req.url).origin)
    return refuse(403, `Refused: requests from ${origin} may not change anything here.`);
  return null;
}

async function readLimited(req: Request, maxBytes: number): Promise<string | null> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Checks a request to /api/trpc before tRPC sees it. Returns the refusal (400 batch too big, 403
 * cross-site, 413 body too big, 415 not JSON), or the request to hand on (its body read once,
 * within the limit).
 */
export async function guardTrpcRequest(
  req: Request,
  { allowedOrigins = [] as readonly string[], limits = trpcLimits } = {},
): Promise<Response | Request> {
  const url = new URL(req.url);
  if (url.searchParams.has('batch')) {
    const paths = url.pathname
      .replace(/^.*\/api\/trpc\/?/, '')
      .split(',')
      .filter(Boolean);
    if (paths.length > limits.maxBatch)
      return refuse(
        400,
        `A batch may hold at most ${limits.maxBatch} calls; this one had ${paths.length}.`,
      );
  }
  if (req.method === 'GET' || req.method === 'HEAD') return req;
  const crossSite = crossSiteRefusal(req, allowedOrigins);
  if (crossSite) return crossSite;
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return refuse(415, `Refused: send application/json, not ${type || 'no content type'}.`);
  const tooBig = refuse(413, `The request is larger than ${limits.maxBodyBytes / 1024 / 1024} MB.`);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limits.maxBodyBytes) return tooBig;
  const body = await readLimited(req, limits.maxBodyBytes);
  if (body === null) return tooBig;
  return new Request(req.url, { method: req.method, headers: req.headers, body });
}
