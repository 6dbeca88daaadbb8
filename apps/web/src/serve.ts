// The production server: one Node HTTP server that answers the tRPC API itself and hands every
// other request (pages, sign-in, files) to Next. The API skips Next's request pipeline, which
// cost ~1.3 ms per call before any work (issue 16); pages keep everything Next does for them.
// Built into dist/serve.mjs by scripts/build-server.mjs; `npm start`, the e2e suite and the
// benchmark run it. `next dev` keeps serving the API through its route (src/app/api/trpc).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

(process.env as Record<string, string>).NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const [{ default: next }, { incomingMessageToRequest }, api] = await Promise.all([
  import('next'),
  import('@trpc/server/adapters/node-http'),
  import('./server/api-server'),
]);

const hostname = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const app = next({
  dev: false,
  dir: join(dirname(fileURLToPath(import.meta.url)), '..'),
  hostname,
  port,
});
const handlePage = app.getRequestHandler();
await app.prepare();

function serve(req: IncomingMessage, res: ServerResponse) {
  if (!api.isApiRequest(req.url)) return handlePage(req, res);
  const request = incomingMessageToRequest(req, res, { maxBodySize: null });
  return api.answerApi(request, res);
}

const server = createServer((req, res) => {
  serve(req, res).catch((error: unknown) => {
    console.error('[serve]', error);
    if (!res.headersSent) res.writeHead(500).end();
    else res.destroy();
  });
});
server.listen(port, hostname, () => console.log(`ready on http://${hostname}:${port}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
