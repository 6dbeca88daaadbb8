import { type TRPCRouterRecord } from '@trpc/server';
import {
  checkOrganisationDomains,
  DomainError,
  endUserCreateSchema,
  organisationCreateSchema,
  organisationDomainsSchema,
  placeEndUser,
  placeTestUser,
} from '@handoff/domain';
import { hashPassword, organisationRepository, teamRepository, userRepository } from '@handoff/db';
import { authorizedProcedure } from '../trpc';

/** Admin: channel-partner organisations, their e-mail domains and end users (kb 003). */
export const organisationRouter = {
  list: authorizedProcedure('organisation.manage').query(({ ctx }) => {
    const organisations = organisationRepository.findAll(ctx.db);
    return {
      organisations,
      partnerTeams: organisationRepository.findPartnerTeams(ctx.db),
      endUsers: organisationRepository.findEndUsers(
        ctx.db,
        organisations.map((o) => o.id),
      ),
    };
  }),

  create: authorizedProcedure('organisation.manage')
    .input(organisationCreateSchema)
    .mutation(({ ctx, input }) => {
      if (organisationRepository.findByName(ctx.db, input.name)) {
        throw new DomainError('VALIDATION', `${input.name} already exists.`, { name: 'An organisation of that name already exists' });
      }
      const domains = checkOrganisationDomains({ domains: input.domains, organisations: organisationRepository.findAllDomains(ctx.db) });
      let partnerTeam: { id: number } | { newName: string };
      if (input.partnerTeamId !== undefined) {
        const team = teamRepository.findById(ctx.db, input.partnerTeamId);
        if (team?.kind !== 'partner') {
          throw new DomainError('VALIDATION', 'Choose a partner client-support group.', { partnerTeamId: 'Choose a partner client-support group' });
        }
        partnerTeam = { id: team.id };
      } else {
        const newName = input.newPartnerTeamName ?? '';
        if (teamRepository.findByName(ctx.db, newName)) {
          throw new DomainError('VALIDATION', `A team named ${newName} already exists.`, { newPartnerTeamName: 'A team of that name already exists; choose it instead' });
        }
        partnerTeam = { newName };
      }
      return organisationRepository.create(ctx.db, { name: input.name, domains, partnerTeam, now: ctx.now() });
    }),

  setDomains: authorizedProcedure('organisation.manage')
    .input(organisationDomainsSchema)
    .mutation(({ ctx, input }) => {
      if (!organisationRepository.findById(ctx.db, input.organisationId)) throw new DomainError('NOT_FOUND', 'That organisation no longer exists.');
      const domains = checkOrganisationDomains({
        domains: input.domains,
        organisationId: input.organisationId,
        organisations: organisationRepository.findAllDomains(ctx.db),
      });
      organisationRepository.setDomains(ctx.db, input.organisationId, domains);
      return { domains };
    }),

  /** An end user with a Help Online login: placed by e-mail domain, or by hand as a test user. */
  createEndUser: authorizedProcedure('organisation.manage')
    .input(endUserCreateSchema)
    .mutation(({ ctx, input }) => {
      const organisations = organisationRepository.findAllDomains(ctx.db);
      const placement =
        input.organisationId === null
          ? placeEndUser({ email: input.email, organisations })
          : placeTestUser({ email: input.email, organisationId: input.organisationId, organisations });
      if (userRepository.findByEmail(ctx.db, input.email) || organisationRepository.findCustomerByEmail(ctx.db, input.email)) {
        throw new DomainError('VALIDATION', `${input.email} is already in use.`, { email: 'Someone already uses this address' });
      }
      const created = organisationRepository.createEndUser(ctx.db, {
        name: input.name,
        email: input.email,
        organisationId: placement.organisationId,
        organisationName: placement.organisationName,
        passwordHash: hashPassword(input.password),
      });
      return { ...created, organisationName: placement.organisationName, how: placement.how };
    }),
} satisfies TRPCRouterRecord;
