import {
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type Page,
} from '@playwright/test';
import { demoPassword } from './fixtures';

/** Calls a tRPC mutation over HTTP with the page's (or context's) cookies. */
export async function trpcMutation<T = unknown>(
  request: APIRequestContext,
  path: string,
  input: unknown,
): Promise<T> {
  const res = await request.post(`/api/trpc/${path}`, { data: input });
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok())
    throw new Error(`${path} failed (${res.status()}): ${body.error?.message ?? 'no message'}`);
  return body.result!.data;
}

export async function trpcQuery<T = unknown>(
  request: APIRequestContext,
  path: string,
  input: unknown,
): Promise<T> {
  const res = await request.get(
    `/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
  if (!res.ok())
    throw new Error(`${path} failed (${res.status()}): ${body.error?.message ?? 'no message'}`);
  return body.result!.data;
}

/** Pins the server clock (the server runs with HANDOFF_TEST_CLOCK=1 in e2e). */
export async function setServerClock(request: APIRequestContext, at: string | null): Promise<void> {
  const res = await request.post('/api/test/clock', { data: { at } });
  expect(res.ok()).toBeTruthy();
}

/** A separate signed-in HTTP client, for acting as another user beside the page's. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const res = await ctx.post('/api/auth/callback/credentials', {
    form: { csrfToken, email, password: demoPassword, json: 'true' },
  });
  expect(res.ok()).toBeTruthy();
  return ctx;
}

/** Sets every CPS demo agent's presence, so each scenario starts from a known state. */
export async function setCpsPresence(
  baseURL: string,
  presence: { [email: string]: 'ready' | 'not_ready' | 'busy' },
) {
  for (const [email, p] of Object.entries(presence)) {
    const ctx = await apiAs(baseURL, email);
    await trpcMutation(ctx, 'presence.set', { presence: p });
    await ctx.dispose();
  }
}

interface Service {
  id: number;
  name: string;
  category: string;
  subcategory: string;
}
interface CustomerHit {
  id: number;
  name: string;
  phone: string | null;
  email: string;
}

/** Creates an incident through the API as the page's user: the customer by name, the service by name. */
export async function createIncident(
  page: Page,
  {
    customer,
    service,
    channel = 'phone',
    description,
  }: { customer: string; service: string; channel?: string; description: string },
): Promise<{ id: number; number: string }> {
  const services = await trpcQuery<Service[]>(page.request, 'catalog.services', undefined);
  const svc = services.find((s) => s.name === service);
  const hits = await trpcQuery<CustomerHit[]>(page.request, 'customer.search', { text: customer });
  const c = hits.find((h) => h.name === customer);
  if (!svc || !c) throw new Error(`No demo service ${service} or customer ${customer}`);
  return trpcMutation(page.request, 'incident.create', {
    callerName: c.name,
    callerPhone: c.phone ?? undefined,
    callerEmail: c.email,
    customerId: c.id,
    serviceId: svc.id,
    channel,
    description,
  });
}
