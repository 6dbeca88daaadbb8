import { createCallerFactory, createTRPCRouter } from './trpc';
import { adminRouter } from './routers/admin';
import { alertRouter } from './routers/alert';
import { catalogRouter } from './routers/catalog';
import { consultRouter } from './routers/consult';
import { customerRouter } from './routers/customer';
import { incidentRouter } from './routers/incident';
import { meRouter } from './routers/me';
import { oncallRouter } from './routers/oncall';
import { oneStepRouter } from './routers/one-step';
import { outageRouter } from './routers/outage';
import { presenceRouter } from './routers/presence';
import { problemRouter } from './routers/problem';
import { problemWorkRouter } from './routers/problem-work';
import { queueRouter } from './routers/queue';
import { routingRouter } from './routers/routing';

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  alert: alertRouter,
  catalog: catalogRouter,
  consult: consultRouter,
  customer: customerRouter,
  incident: incidentRouter,
  me: meRouter,
  oncall: oncallRouter,
  oneStep: oneStepRouter,
  outage: outageRouter,
  presence: presenceRouter,
  problem: { ...problemRouter, ...problemWorkRouter },
  queue: queueRouter,
  routing: routingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
