import { type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import {
  allowedVariables,
  ignoreReasonLabels,
  mailTemplateInputSchema,
  mailTemplateKeys,
  mailTemplateKeySchema,
  mailTemplateSpecs,
  requeueMail,
  resolveTemplates,
  teamNotifySettings,
  resetMailTemplateEffects,
  saveMailTemplateEffects,
  setTeamNotifyEffects,
  visibleJournal,
} from '@handoff/domain';
import {
  attachmentRepository,
  commit,
  inboundMailRepository,
  mailTemplateRepository,
  outboxRepository,
  teamRepository,
} from '@handoff/db';
import { describeSmtpUrl, mailConfig } from '../mail/config';
import { mailServiceStatus } from '../mail/start';
import { loadReadableIncident } from '../readable-incident';
import { authorizedProcedure } from '../trpc';

const page = {
  cursor: z.number().int().positive().nullish(),
  limit: z.number().int().min(1).max(100).default(50),
};

/** The admin Mail page (outbox, inbound log and counters, templates, team settings) and attachments. */
export const mailRouter = {
  overview: authorizedProcedure('mail.manage').query(async ({ ctx }) => {
    const config = mailConfig();
    const counts = await inboundMailRepository.countByOutcome(ctx.db);
    const total = (outcome: string) =>
      counts.filter((c) => c.outcome === outcome).reduce((n, c) => n + c.n, 0);
    return {
      // Null when the services did not start in this process (tests, scripts).
      services: await mailServiceStatus(),
      smtp: describeSmtpUrl(config.smtpUrl),
      from: config.from,
      inboundAddress: config.inboundAddress,
      maxMessageBytes: config.maxMessageBytes,
      maxAttachmentBytes: config.maxAttachmentBytes,
      outbox: await outboxRepository.countByStatus(ctx.db),
      inbound: {
        created: total('created') + total('follow_up'),
        appended: total('appended') + total('reopened'),
        // Replies naming an incident their sender may not write in (issue 13): the reason says why.
        fromOtherSenders: counts
          .filter(
            (c) => (c.outcome === 'created' || c.outcome === 'follow_up') && c.reason !== null,
          )
          .reduce((n, c) => n + c.n, 0),
        rejected: total('rejected'),
        ignored: Object.entries(ignoreReasonLabels).map(([reason, label]) => ({
          reason,
          label,
          n: counts.find((c) => c.outcome === 'ignored' && c.reason === reason)?.n ?? 0,
        })),
      },
    };
  }),

  outbox: authorizedProcedure('mail.manage')
    .input(z.object({ status: z.enum(['held', 'pending', 'sent', 'failed']).optional(), ...page }))
    .query(({ ctx, input }) =>
      outboxRepository.list(ctx.db, {
        status: input.status,
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      }),
    ),

  inbound: authorizedProcedure('mail.manage')
    .input(z.object(page))
    .query(({ ctx, input }) =>
      inboundMailRepository.list(ctx.db, { cursor: input.cursor ?? undefined, limit: input.limit }),
    ),

  /** Sends a held or failed message again, with the same Message-ID. */
  requeue: authorizedProcedure('mail.manage')
    .input(z.object({ id: z.number().int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        requeueMail(
          await outboxRepository.findById(read, input.id),
          input.id,
          ctx.actor.id,
          ctx.now(),
        ),
      );
      return { id: committed.row('outbox', input.id).id };
    }),

  templates: authorizedProcedure('mail.manage').query(async ({ ctx }) => {
    const saved = await mailTemplateRepository.findAll(ctx.db);
    const current = resolveTemplates(saved);
    return mailTemplateKeys.map((key) => ({
      key,
      ...mailTemplateSpecs[key],
      variables: allowedVariables(key),
      current: current[key],
      updatedAt: saved.find((s) => s.key === key)?.updatedAt ?? null,
    }));
  }),

  saveTemplate: authorizedProcedure('mail.manage')
    .input(mailTemplateInputSchema)
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, saveMailTemplateEffects(input, ctx.actor.id, ctx.now()));
      return (await mailTemplateRepository.findByKey(ctx.db, input.key))!;
    }),

  /** Back to the shipped wording. */
  resetTemplate: authorizedProcedure('mail.manage')
    .input(z.object({ key: mailTemplateKeySchema }))
    .mutation(async ({ ctx, input }) => {
      let reset = false;
      await commit(ctx.db, async (read) => {
        reset = (await mailTemplateRepository.findByKey(read, input.key)) !== undefined;
        return resetMailTemplateEffects(input.key, reset, ctx.actor.id, ctx.now());
      });
      return { key: input.key, reset };
    }),

  teams: authorizedProcedure('mail.manage').query(async ({ ctx }) =>
    (
      await teamRepository.findMailRecipients(
        ctx.db,
        (await teamRepository.findAll(ctx.db)).map((t) => t.id),
      )
    ).map((t) => ({
      id: t.id,
      name: t.name,
      notify: t.notify,
      members: t.members.length,
    })),
  ),

  setTeamNotify: authorizedProcedure('mail.manage')
    .input(
      z.object({
        teamId: z.number().int().positive(),
        notify: z.enum(teamNotifySettings, { error: 'Choose everyone or nobody' }),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        setTeamNotifyEffects(
          await teamRepository.findById(read, input.teamId),
          input.notify,
          ctx.actor.id,
          ctx.now(),
        ),
      );
      const row = committed.row('team', input.teamId);
      return { id: row.id, notify: row.notify };
    }),

  /** The files that came with the incident's e-mails (content is downloaded from /api/attachments/:id). */
  attachments: authorizedProcedure('incident.read')
    .input(z.object({ incidentId: z.number().int().positive() }))
    .query(async ({ ctx, input }) => {
      const { incident } = await loadReadableIncident(ctx.db, ctx.actor, { id: input.incidentId });
      return visibleJournal(
        ctx.actor,
        await attachmentRepository.findByIncident(ctx.db, incident.id),
      );
    }),
} satisfies TRPCRouterRecord;
