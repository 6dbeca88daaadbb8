import { type TRPCRouterRecord } from '@trpc/server';
import {
  groupByServiceName,
  detectPotentialOutages,
  openStatuses,
  parsePotentialOutageSettings,
  potentialOutageLookbackHours,
  potentialOutageSettingsKey,
  potentialOutageSettingsSchema,
  setSettingEffects,
} from '@handoff/domain';
import { commit, incidentRepository, settingsRepository, type Db } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

const hoursBefore = (now: string, h: number) =>
  new Date(Date.parse(now) - h * 3_600_000).toISOString();
const thresholds = async (db: Db) =>
  parsePotentialOutageSettings(await settingsRepository.get(db, potentialOutageSettingsKey));

/** HDQA's home (kb 001 steps 1–2): bursts that may be an outage, and incidents no problem holds yet. */
export const alertRouter = {
  potentialOutages: authorizedProcedure('alert.read').query(async ({ ctx }) => {
    const now = ctx.now();
    const settings = await thresholds(ctx.db);
    const recent = (
      await incidentRepository.list(ctx.db, {
        statuses: [...openStatuses],
        createdSince: hoursBefore(now, potentialOutageLookbackHours),
        limit: 5000,
      })
    ).items;
    const alerts = detectPotentialOutages(recent, settings, now).map((a) => ({
      ...a,
      serviceName: a.incidents[0]?.serviceName ?? `service #${a.serviceId}`,
    }));
    return { settings, alerts };
  }),

  /** Open incidents of the last week that are linked to no problem, grouped by service, most first. */
  unlinkedByService: authorizedProcedure('alert.read').query(async ({ ctx }) => {
    const rows = (
      await incidentRepository.list(ctx.db, {
        statuses: [...openStatuses],
        problemId: null,
        createdSince: hoursBefore(ctx.now(), 7 * 24),
        limit: 500,
      })
    ).items;
    return groupByServiceName(rows);
  }),

  settings: authorizedProcedure('settings.manage').query(({ ctx }) => thresholds(ctx.db)),

  updateSettings: authorizedProcedure('settings.manage')
    .input(potentialOutageSettingsSchema)
    .mutation(async ({ ctx, input }) => {
      const key = potentialOutageSettingsKey;
      await commit(ctx.db, setSettingEffects(key, input, ctx.actor.id, ctx.now()));
      return input;
    }),
} satisfies TRPCRouterRecord;
