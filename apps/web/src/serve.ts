// The production server: one Node HTTP server that answers the tRPC API itself and hands every
// other request (pages, sign-in, files) to Next. The API skips Next's request pipeline, which
// cost ~1.3 ms per call before any work (issue 16); pages keep everything Next does for them.
// Built into dist/serve.mjs by scripts/build-server.mjs; `npm start`, the e2e suite and the
// benchmark run it. `next dev` keeps serving the API through its route (src/app/api/trpc).
//
// HANDOFF_PROCESSES=N (default 1) runs N such servers sharing the port (node:cluster) on the one
// database: the primary migrates it first, then forks them and replaces any that dies. Work that
// must run once (mail listener, delivery worker) goes to the holder of its lease (mail/start.ts).
import cluster from 'node:cluster';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

(process.env as Record<string, string>).NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const processes = Number(process.env.HANDOFF_PROCESSES ?? 1);
if (!Number.isInteger(processes) || processes < 1)
  throw new Error('HANDOFF_PROCESSES takes a whole number of server processes (1 or more).');

if (cluster.isPrimary && processes > 1) await supervise(processes);
else await serveHere();

async function supervise(count: number) {
  // Migrated (and on first start, seeded) once, before any server opens it.
  const { closeDb, initDb } = await import('./server/db');
  await initDb();
  await closeDb();
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(
      `[serve] process ${worker.process.pid} ended (${signal ?? code}); starting another`,
    );
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
      cluster.on('exit', () => {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      });
    });
}

async function serveHere() {
  const [{ default: next }, { incomingMessageToRequest }, api, { initDb }] = await Promise.all([
    import('next'),
    import('@trpc/server/adapters/node-http'),
    import('./server/api-server'),
    import('./server/db'),
  ]);
  // Open (on PostgreSQL: migrate and, when new, seed) the database before anything is served.
  await initDb();

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
      // Free the mail lease so another process takes the work over at once (at most 2 s).
      const stopped = import('./server/mail/start').then((m) => m.stopMailServices());
      const timeout = new Promise((resolve) => setTimeout(resolve, 2_000).unref());
      void Promise.race([stopped, timeout]).finally(() => process.exit(0));
    });
}
