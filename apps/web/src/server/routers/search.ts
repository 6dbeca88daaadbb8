import { type TRPCRouterRecord } from '@trpc/server';
import {
  can,
  DomainError,
  parseSearchQuery,
  parseSnippet,
  searchInputSchema,
  searchScope,
} from '@handoff/domain';
import { searchRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

export const searchRouter = {
  /**
   * Full-text search over the incidents the actor may read (the lists' scope), with filters and keyset
   * pages; on the first page also the incident whose number was typed and, for staff, problems and outages.
   */
  incidents: authorizedProcedure('incident.read')
    .input(searchInputSchema)
    .query(async ({ ctx, input }) => {
      const parsed = parseSearchQuery(input.q);
      if (!parsed.ok) throw new DomainError('VALIDATION', parsed.message, { q: parsed.message });
      const scope = searchScope(ctx.actor);
      const forCustomer = ctx.actor.role === 'customer';
      const page = await searchRepository.searchIncidents(ctx.db, {
        ...scope,
        search: parsed,
        status: input.status,
        teamId: input.teamId,
        serviceId: input.serviceId,
        channel: input.channel,
        createdFrom: input.createdFrom && `${input.createdFrom}T00:00:00.000Z`,
        createdBefore: input.createdTo && dayAfter(input.createdTo),
        cursor: input.cursor ?? undefined,
        limit: input.limit,
      });
      const firstPage = !input.cursor;
      const exact =
        firstPage && parsed.incidentNumber
          ? await searchRepository.findNumberInScope(ctx.db, parsed.incidentNumber, scope)
          : null;
      const others =
        firstPage && !forCustomer
          ? await searchRepository.searchProblemsAndOutages(ctx.db, parsed, 5)
          : { problems: [], outages: [] };
      // A customer's rows carry only what customerView shows: no owner and no team.
      const shape = (i: Awaited<ReturnType<typeof searchRepository.summariesOf>>[number]) => ({
        id: i.id,
        number: i.number,
        status: i.status,
        channel: i.channel,
        callerName: i.callerName,
        description: i.description,
        createdAt: i.createdAt,
        serviceName: i.serviceName,
        ownerTeamName: forCustomer ? null : i.ownerTeamName,
        ownerAgentName: forCustomer ? null : i.ownerAgentName,
      });
      return {
        terms: parsed.terms,
        exact: exact ? shape(exact) : null,
        items: page.items.map((i) => ({
          ...shape(i),
          matchedIn: i.matchedIn,
          snippet: parseSnippet(i.snippet),
        })),
        nextCursor: page.nextCursor,
        capped: page.capped,
        problems: can(ctx.actor.role, 'problem.read') ? others.problems : [],
        outages: can(ctx.actor.role, 'outage.read') ? others.outages : [],
      };
    }),
} satisfies TRPCRouterRecord;
