// The production server writes Fetch responses to Node's HTTP responses (serve.ts).
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { sendResponse } from './node-response';

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(make: () => Response): Promise<string> {
  server = createServer((_req, res) => void sendResponse(res, make()));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}/`;
}

describe('sendResponse', () => {
  test('status, headers, every cookie and the body arrive as the handler made them', async () => {
    const url = await serve(() => {
      const headers = new Headers({ 'content-type': 'application/json', 'x-one': '1' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response(JSON.stringify({ ok: 'é' }), { status: 409, headers });
    });
    const res = await fetch(url);
    expect(res.status).toBe(409);
    expect(res.headers.get('x-one')).toBe('1');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await res.json()).toEqual({ ok: 'é' });
  });

  test('an event stream is sent as it is produced, before it ends', async () => {
    let push!: (s: string) => void;
    const url = await serve(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (s) => controller.enqueue(new TextEncoder().encode(s));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    const res = await fetch(url);
    const reader = res.body!.getReader();
    push('data: first\n\n');
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    await reader.cancel();
  });

  test('no body: headers only', async () => {
    const url = await serve(() => new Response(null, { status: 204 }));
    const res = await fetch(url);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });
});
