import { createCallerFactory, createTRPCRouter } from './trpc';
import { adminRouter } from './routers/admin';
import { catalogRouter } from './routers/catalog';
import { consultRouter } from './routers/consult';
import { customerRouter } from './routers/customer';
import { incidentRouter } from './routers/incident';
import { mailRouter } from './routers/mail';
import { meRouter } from './routers/me';
import { oncallRouter } from './routers/oncall';
import { oneStepRouter } from './routers/one-step';
import { presenceRouter } from './routers/presence';
import { queueRouter } from './routers/queue';
import { routingRouter } from './routers/routing';

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  catalog: catalogRouter,
  consult: consultRouter,
  customer: customerRouter,
  incident: incidentRouter,
  mail: mailRouter,
  me: meRouter,
  oncall: oncallRouter,
  oneStep: oneStepRouter,
  presence: presenceRouter,
  queue: queueRouter,
  routing: routingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
