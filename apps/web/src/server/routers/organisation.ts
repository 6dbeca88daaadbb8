import { type TRPCRouterRecord } from '@trpc/server';
import {
  adminRefs,
  canAddGroupMember,
  canRemoveGroupMember,
  decideAddGroupMember,
  decideCreateEndUser,
  decideCreateGroupMember,
  decideCreateOrganisation,
  decideRemoveGroupMember,
  decideSetDomains,
  endUserCreateSchema,
  groupMemberCreateSchema,
  groupMemberSchema,
  organisationCreateSchema,
  organisationDomainsSchema,
  type OrganisationCreateInput,
} from '@handoff/domain';
import {
  commit,
  hashPassword,
  organisationRepository,
  partnerRepository,
  teamRepository,
  userRepository,
  type Db,
} from '@handoff/db';
import { insertedDomains, loadDomainFacts, loadNewLogin, loadRemoval } from '../organisation-admin';
import { authorizedProcedure } from '../trpc';

/** The partner group a new organisation names: an existing team (any kind, the rule checks), or a new name and whether it is taken. */
const loadPartnerTeamChoice = async (
  read: Db,
  input: Pick<OrganisationCreateInput, 'partnerTeamId' | 'newPartnerTeamName'>,
) =>
  input.partnerTeamId !== undefined
    ? await teamRepository.findById(read, input.partnerTeamId)
    : {
        newName: input.newPartnerTeamName ?? '',
        taken:
          (await teamRepository.findByName(read, input.newPartnerTeamName ?? '')) !== undefined,
      };

/** The names a membership change answers with. */
const memberNames = async (db: Db, input: { teamId: number; userId: number }) => ({
  name: (await userRepository.findById(db, input.userId))?.name ?? '',
  teamName: (await teamRepository.findById(db, input.teamId))?.name ?? '',
});

/** Admin: channel-partner organisations, their e-mail domains and end users, and the partner groups' members (kb 003). */
export const organisationRouter = {
  list: authorizedProcedure('organisation.manage').query(async ({ ctx }) => {
    const organisations = await organisationRepository.findAll(ctx.db);
    return {
      organisations,
      partnerTeams: await organisationRepository.findPartnerTeams(ctx.db),
      endUsers: await organisationRepository.findEndUsers(
        ctx.db,
        organisations.map((o) => o.id),
      ),
    };
  }),

  create: authorizedProcedure('organisation.manage')
    .input(organisationCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const committed = await commit(ctx.db, async (read) =>
        decideCreateOrganisation({
          ...input,
          organisations: await organisationRepository.findAllDomains(read),
          nameTaken: (await organisationRepository.findByName(read, input.name)) !== undefined,
          partnerTeam: await loadPartnerTeamChoice(read, input),
          actorId: ctx.actor.id,
          now: ctx.now(),
        }),
      );
      const row = committed.row('organisation', adminRefs.organisation);
      return { id: row.id, partnerTeamId: row.partnerTeamId };
    }),

  setDomains: authorizedProcedure('organisation.manage')
    .input(organisationDomainsSchema)
    .mutation(async ({ ctx, input }) => {
      let domains: string[] = [];
      await commit(ctx.db, async (read) => {
        const stamp = { actorId: ctx.actor.id, now: ctx.now() };
        const decided = decideSetDomains(await loadDomainFacts(read, input, stamp));
        domains = insertedDomains(decided);
        return decided;
      });
      return { domains };
    }),

  /** An end user with a Help Online login: placed by e-mail domain, or by hand as a test user. */
  createEndUser: authorizedProcedure('organisation.manage')
    .input(endUserCreateSchema)
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.password);
      const stamp = { actorId: ctx.actor.id, now: ctx.now() };
      const committed = await commit(ctx.db, async (read) =>
        decideCreateEndUser(await loadNewLogin(read, input, passwordHash, stamp)),
      );
      const { id: customerId, organisation } = committed.row('customer', adminRefs.customer);
      const userId = committed.row('user', adminRefs.user).id;
      const how = input.organisationId === null ? ('domain' as const) : ('manual' as const);
      return { customerId, userId, organisationName: organisation ?? '', how };
    }),

  /** Partner groups and Tier 2 Support: members (with why one cannot leave), and who else may join. */
  groups: authorizedProcedure('organisation.manage').query(async ({ ctx }) => {
    const groups = await teamRepository.findSupportGroups(ctx.db);
    const openTickets = await partnerRepository.findOpenMemberTickets(
      ctx.db,
      groups.map((g) => g.id),
    );
    const logins = await userRepository.findByRoles(ctx.db, ['partner_agent', 'tier2']);
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
      const passwordHash = await hashPassword(input.password);
      const { name, email } = input;
      const stamp = { actorId: ctx.actor.id, now: ctx.now() };
      const committed = await commit(ctx.db, async (read) =>
        decideCreateGroupMember({
          ...(await loadNewLogin(read, { name, email }, passwordHash, stamp)),
          group: await teamRepository.findSupportGroup(read, input.teamId),
        }),
      );
      const user = committed.row('user', adminRefs.user);
      const teamName = (await teamRepository.findById(ctx.db, input.teamId))?.name ?? '';
      return { id: user.id, name: user.name, email: user.email, role: user.role, teamName };
    }),

  addGroupMember: authorizedProcedure('organisation.manage')
    .input(groupMemberSchema)
    .mutation(async ({ ctx, input }) => {
      await commit(ctx.db, async (read) =>
        decideAddGroupMember({
          group: await teamRepository.findSupportGroup(read, input.teamId),
          user: await userRepository.findById(read, input.userId),
          actorId: ctx.actor.id,
          now: ctx.now(),
        }),
      );
      return await memberNames(ctx.db, input);
    }),

  /** Refused while they work open tickets of the group, or when nobody would be left to tell. */
  removeGroupMember: authorizedProcedure('organisation.manage')
    .input(groupMemberSchema)
    .mutation(async ({ ctx, input }) => {
      const names = await memberNames(ctx.db, input);
      const stamp = { actorId: ctx.actor.id, now: ctx.now() };
      await commit(ctx.db, async (read) =>
        decideRemoveGroupMember(await loadRemoval(read, input, stamp)),
      );
      return names;
    }),
} satisfies TRPCRouterRecord;
