import { type TRPCRouterRecord } from '@trpc/server';
import {
  canAddGroupMember,
  canRemoveGroupMember,
  checkAddGroupMember,
  checkNewGroupMember,
  checkOrganisationDomains,
  checkRemoveGroupMember,
  DomainError,
  endUserCreateSchema,
  groupMemberCreateSchema,
  groupMemberSchema,
  organisationCreateSchema,
  organisationDomainsSchema,
  placeEndUser,
  placeTestUser,
  supportGroupOrRefuse,
} from '@handoff/domain';
import {
  hashPassword,
  organisationRepository,
  partnerRepository,
  teamRepository,
  userRepository,
} from '@handoff/db';
import { authorizedProcedure } from '../trpc';

/** Admin: channel-partner organisations, their e-mail domains and end users, and the partner groups' members (kb 003). */
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
        throw new DomainError('VALIDATION', `${input.name} already exists.`, {
          name: 'An organisation of that name already exists',
        });
      }
      const domains = checkOrganisationDomains({
        domains: input.domains,
        organisations: organisationRepository.findAllDomains(ctx.db),
      });
      let partnerTeam: { id: number } | { newName: string };
      if (input.partnerTeamId !== undefined) {
        const team = teamRepository.findById(ctx.db, input.partnerTeamId);
        if (team?.kind !== 'partner') {
          throw new DomainError('VALIDATION', 'Choose a partner client-support group.', {
            partnerTeamId: 'Choose a partner client-support group',
          });
        }
        partnerTeam = { id: team.id };
      } else {
        const newName = input.newPartnerTeamName ?? '';
        if (teamRepository.findByName(ctx.db, newName)) {
          throw new DomainError('VALIDATION', `A team named ${newName} already exists.`, {
            newPartnerTeamName: 'A team of that name already exists; choose it instead',
          });
        }
        partnerTeam = { newName };
      }
      return organisationRepository.create(ctx.db, {
        name: input.name,
        domains,
        partnerTeam,
        now: ctx.now(),
      });
    }),

  setDomains: authorizedProcedure('organisation.manage')
    .input(organisationDomainsSchema)
    .mutation(({ ctx, input }) => {
      if (!organisationRepository.findById(ctx.db, input.organisationId))
        throw new DomainError('NOT_FOUND', 'That organisation no longer exists.');
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
    .mutation(async ({ ctx, input }) => {
      const organisations = organisationRepository.findAllDomains(ctx.db);
      const placement =
        input.organisationId === null
          ? placeEndUser({ email: input.email, organisations })
          : placeTestUser({
              email: input.email,
              organisationId: input.organisationId,
              organisations,
            });
      if (userRepository.isEmailInUse(ctx.db, input.email)) {
        throw new DomainError('VALIDATION', `${input.email} is already in use.`, {
          email: 'Someone already uses this address',
        });
      }
      const created = organisationRepository.createEndUser(ctx.db, {
        name: input.name,
        email: input.email,
        organisationId: placement.organisationId,
        organisationName: placement.organisationName,
        passwordHash: await hashPassword(input.password),
      });
      return { ...created, organisationName: placement.organisationName, how: placement.how };
    }),

  /** Partner groups and Tier 2 Support: members (with why one cannot leave), and who else may join. */
  groups: authorizedProcedure('organisation.manage').query(({ ctx }) => {
    const groups = teamRepository.findSupportGroups(ctx.db);
    const openTickets = partnerRepository.findOpenMemberTickets(
      ctx.db,
      groups.map((g) => g.id),
    );
    const logins = userRepository.findByRoles(ctx.db, ['partner_agent', 'tier2']);
    return groups.map((group) => ({
      ...group,
      members: group.members.map((m) => ({
        ...m,
        removeRefusal: canRemoveGroupMember({
          group,
          userId: m.id,
          openTickets: openTickets.get(`${group.id}:${m.id}`) ?? [],
        }),
      })),
      candidates: logins.filter((user) => canAddGroupMember({ group, user }) === null),
    }));
  }),

  /** A new partner agent login straight into a partner group (a Tier 2 login into Tier 2 Support). */
  createGroupMember: authorizedProcedure('organisation.manage')
    .input(groupMemberCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const group = supportGroupOrRefuse(teamRepository.findSupportGroup(ctx.db, input.teamId));
      const { role } = checkNewGroupMember({
        group,
        email: input.email,
        isEmailInUse: userRepository.isEmailInUse(ctx.db, input.email),
      });
      const created = teamRepository.createMember(ctx.db, {
        teamId: group.id,
        name: input.name,
        email: input.email,
        role,
        passwordHash: await hashPassword(input.password),
      });
      return { id: created.id, name: input.name, email: input.email, role, teamName: group.name };
    }),

  addGroupMember: authorizedProcedure('organisation.manage')
    .input(groupMemberSchema)
    .mutation(({ ctx, input }) => {
      const group = supportGroupOrRefuse(teamRepository.findSupportGroup(ctx.db, input.teamId));
      const user = userRepository.findById(ctx.db, input.userId);
      if (!user)
        throw new DomainError('VALIDATION', 'Choose a person from the list.', {
          userId: 'Choose a person from the list',
        });
      checkAddGroupMember({ group, user });
      teamRepository.addMember(ctx.db, { teamId: group.id, userId: user.id });
      return { name: user.name, teamName: group.name };
    }),

  /** Refused while they work open tickets of the group, or when nobody would be left to tell. */
  removeGroupMember: authorizedProcedure('organisation.manage')
    .input(groupMemberSchema)
    .mutation(({ ctx, input }) =>
      teamRepository.removeMember(ctx.db, {
        ...input,
        guard: ({ group, openTickets }) => {
          const checked = supportGroupOrRefuse(group);
          checkRemoveGroupMember({ group: checked, userId: input.userId, openTickets });
          return {
            name: checked.members.find((m) => m.id === input.userId)?.name ?? '',
            teamName: checked.name,
          };
        },
      }),
    ),
} satisfies TRPCRouterRecord;
