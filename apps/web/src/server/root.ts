import { createCallerFactory, createTRPCRouter } from './trpc';
import { adminRouter } from './routers/admin';
import { caseRouter } from './routers/case';
import { alertRouter } from './routers/alert';
import { catalogRouter } from './routers/catalog';
import { consultRouter } from './routers/consult';
import { customerRouter } from './routers/customer';
import { incidentRouter } from './routers/incident';
import { liveRouter } from './routers/live';
import { mailRouter } from './routers/mail';
import { meRouter } from './routers/me';
import { notificationRouter } from './routers/notification';
import { oncallRouter } from './routers/oncall';
import { oneStepRouter } from './routers/one-step';
import { organisationRouter } from './routers/organisation';
import { partnerRouter } from './routers/partner';
import { outageRouter } from './routers/outage';
import { presenceRouter } from './routers/presence';
import { problemRouter } from './routers/problem';
import { problemWorkRouter } from './routers/problem-work';
import { queueRouter } from './routers/queue';
import { routingRouter } from './routers/routing';
import { searchRouter } from './routers/search';
import { slaRouter } from './routers/sla';
import { reportsRouter } from './routers/reports';
import { triageRouter } from './routers/triage';

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  case: caseRouter,
  alert: alertRouter,
  catalog: catalogRouter,
  consult: consultRouter,
  customer: customerRouter,
  incident: incidentRouter,
  live: liveRouter,
  mail: mailRouter,
  me: meRouter,
  notification: notificationRouter,
  oncall: oncallRouter,
  oneStep: oneStepRouter,
  organisation: organisationRouter,
  partner: partnerRouter,
  outage: outageRouter,
  presence: presenceRouter,
  problem: { ...problemRouter, ...problemWorkRouter },
  queue: queueRouter,
  routing: routingRouter,
  search: searchRouter,
  sla: slaRouter,
  reports: reportsRouter,
  triage: triageRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
