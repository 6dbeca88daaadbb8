import { type ServerResponse } from 'node:http';
import { sendResponse } from './node-response';
import { hstsHeader, isHttps, staticSecurityHeaders } from './security-headers';
import { handleTrpcRequest, trpcEndpoint } from './trpc-handler';

/** Whether the production server answers this path itself (the tRPC API) rather than Next. */
export const isApiRequest = (url: string | undefined) =>
  url !== undefined && (url.startsWith(`${trpcEndpoint}/`) || url.startsWith(`${trpcEndpoint}?`));

/** Answers an API request with the headers every response carries (issue 13 item 7). */
export async function answerApi(request: Request, res: ServerResponse): Promise<void> {
  const response = await handleTrpcRequest(request);
  for (const { key, value } of staticSecurityHeaders) res.setHeader(key, value);
  if (isHttps(request)) res.setHeader(hstsHeader.key, hstsHeader.value);
  if (!response.headers.has('cache-control')) res.setHeader('Cache-Control', 'no-store');
  await sendResponse(res, response);
}
