import { createCallerFactory, createTRPCRouter } from './trpc';
import { adminRouter } from './routers/admin';
import { catalogRouter } from './routers/catalog';
import { customerRouter } from './routers/customer';
import { incidentRouter } from './routers/incident';
import { meRouter } from './routers/me';
import { queueRouter } from './routers/queue';

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  catalog: catalogRouter,
  customer: customerRouter,
  incident: incidentRouter,
  me: meRouter,
  queue: queueRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
