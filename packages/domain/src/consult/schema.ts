import '../zod-config';
import { z } from 'zod';
import { teamNames } from '../teams';

/** The chat channels L1 consults before handing a chat on (kb 000: CPS; kb 002: ES). */
export const consultTeams = ['cps', 'es'] as const;
export const consultTeamSchema = z.enum(consultTeams);
export type ConsultTeam = z.infer<typeof consultTeamSchema>;

export const consultStatuses = ['open', 'accepted', 'cancelled', 'expired'] as const;
export const consultStatusSchema = z.enum(consultStatuses);
export type ConsultStatus = z.infer<typeof consultStatusSchema>;

/** A consult request as stored: its deadlines live on the server, not in a browser (issue 4). */
export const consultRequestSchema = z.object({
  id: z.number().int(),
  incidentId: z.number().int(),
  team: consultTeamSchema,
  status: consultStatusSchema,
  openedById: z.number().int().nullable(),
  openedAt: z.string(),
  /** 5 minutes: send "CPS busy" (cps) or Send to HD ES (es). */
  busyPromptAt: z.string(),
  /** 10 minutes: Assign to CPS, chat not answered (cps only; null for es). */
  assignPromptAt: z.string().nullable(),
  acceptedById: z.number().int().nullable(),
  acceptedAt: z.string().nullable(),
});
export type ConsultRequest = z.infer<typeof consultRequestSchema>;
export type NewConsultRequest = Omit<ConsultRequest, 'id'>;

/** The form's input for opening a consult (the procedure adds actor and now). */
export const openConsultSchema = z.object({
  incidentId: z.number().int().positive(),
  team: consultTeamSchema,
});
export const acceptConsultSchema = z.object({ consultId: z.number().int().positive() });

/** The team that answers each consult, by owner-team name (DOMAIN.md §2). */
export const consultTeamNames: Readonly<Record<ConsultTeam, string>> = {
  cps: teamNames.cps,
  es: teamNames.es,
};
