import { describe, expect, test } from 'vitest';
import { envFor, teams, validInput } from '../one-steps/test-fixtures';
import { oneSteps } from '../one-steps/registry';
import { actorFor } from '../incident/test-fixtures';
import {
  acknowledgementMail,
  type MailContext,
  noteMail,
  oneStepMail,
  type TeamRecipients,
} from './notifications';
import { resolveTemplates } from './templates';

const templates = resolveTemplates([]);
const ctx: MailContext = {
  incident: {
    id: 1,
    number: 'INC-000001',
    callerName: 'Casey Customer',
    description: 'Forgot NetID password.',
    status: 'in_progress',
    serviceName: 'NetID',
    teamName: 'US - Help Desk',
  },
  customer: { address: 'ccustomer@grad.wisc.edu', name: 'Casey Customer' },
  templates,
};
const member = (id: number, name: string) => ({
  id,
  name,
  email: `${name.toLowerCase().replace(/\W/g, '')}@handoff.test`,
});
const cps: TeamRecipients = {
  id: teams['US - Help Desk CPS'],
  name: 'US - Help Desk CPS',
  notify: 'everyone',
  members: [member(20, 'Pat'), member(21, 'Cory')],
};
const helpDesk: TeamRecipients = {
  id: teams['US - Help Desk'],
  name: 'US - Help Desk',
  notify: 'everyone',
  members: [member(10, 'Lee')],
};
const actor = { id: 10, name: 'Test l1' };

describe('oneStepMail', () => {
  test('Assign to CPS e-mails every CPS member with the team template', () => {
    const result = oneSteps.assign_to_cps.run(envFor('l1'), validInput.assign_to_cps);
    const drafts = oneStepMail(result, { ...ctx, actor, teams: [cps] });
    expect(drafts.map((d) => d.toAddress)).toEqual(['pat@handoff.test', 'cory@handoff.test']);
    expect(drafts[0]).toMatchObject({
      template: 'team-assigned',
      subject: 'Assigned to US - Help Desk CPS: Casey Customer',
      autoSubmitted: true,
      incidentId: 1,
    });
    expect(drafts[0]!.textBody).toContain('Test l1 assigned INC-000001');
  });

  test('a team set to nobody gets no mail', () => {
    const result = oneSteps.assign_to_cps.run(envFor('l1'), validInput.assign_to_cps);
    expect(oneStepMail(result, { ...ctx, actor, teams: [{ ...cps, notify: 'nobody' }] })).toEqual(
      [],
    );
  });

  test("Transfer to CPS e-mails the team's members once; the live agent's own notice stays in-app", () => {
    const env = envFor('l1', {
      agent: { id: 20, name: 'Pat', presence: 'ready', teamIds: [teams['US - Help Desk CPS']] },
    });
    const drafts = oneStepMail(oneSteps.transfer_to_cps.run(env, validInput.transfer_to_cps), {
      ...ctx,
      actor,
      teams: [cps],
    });
    expect(drafts).toHaveLength(2);
  });

  test('Take ownership assigns no team, so no mail', () => {
    const result = oneSteps.take_ownership.run(
      envFor('l1', { incident: { ownerAgentId: 99 } }),
      validInput.take_ownership,
    );
    expect(result.notifications).toHaveLength(1);
    expect(oneStepMail(result, { ...ctx, actor, teams: [helpDesk] })).toEqual([]);
  });

  test('the acting agent is not e-mailed about their own escalation', () => {
    const result = oneSteps.escalate_to_team.run(envFor('l1'), {
      ...validInput.escalate_to_team,
      teamId: teams['SNCC-Network'],
    });
    const sncc: TeamRecipients = {
      id: teams['SNCC-Network'],
      name: 'SNCC-Network',
      notify: 'everyone',
      members: [member(10, 'Lee'), member(30, 'Sydney')],
    };
    expect(oneStepMail(result, { ...ctx, actor, teams: [sncc] }).map((d) => d.toAddress)).toEqual([
      'sydney@handoff.test',
    ]);
  });

  test('Resolve e-mails the customer the resolution they read on the journal', () => {
    const result = oneSteps.resolve.run(envFor('l1'), validInput.resolve);
    const drafts = oneStepMail(result, { ...ctx, actor, teams: [] });
    expect(drafts).toEqual([
      expect.objectContaining({
        template: 'resolved',
        toAddress: 'ccustomer@grad.wisc.edu',
        subject: 'Your request is resolved',
      }),
    ]);
    expect(drafts[0]!.textBody).toContain('We reset your password.');
    expect(drafts[0]!.textBody).toContain('reply to this message within 7 days');
  });

  test('Resolve without a customer address queues nothing', () => {
    const result = oneSteps.resolve.run(envFor('l1'), validInput.resolve);
    expect(oneStepMail(result, { ...ctx, customer: null, actor, teams: [] })).toEqual([]);
  });
});

describe('noteMail', () => {
  const ownedByCps = { ...ctx, incident: { ...ctx.incident, teamName: cps.name } };
  test.each([
    [
      "an agent's customer-visible note → the customer",
      'customer',
      actorFor('l1'),
      ctx,
      helpDesk,
      ['ccustomer@grad.wisc.edu'],
      'customer-note',
    ],
    ["an agent's internal note → nobody", 'internal', actorFor('l1'), ctx, helpDesk, [], null],
    [
      "a customer's portal note on a CPS incident → the CPS members",
      'customer',
      actorFor('customer'),
      ownedByCps,
      cps,
      ['pat@handoff.test', 'cory@handoff.test'],
      'customer-replied',
    ],
    [
      "a customer's e-mail on a CPS incident → the CPS members",
      'customer',
      null,
      ownedByCps,
      cps,
      ['pat@handoff.test', 'cory@handoff.test'],
      'customer-replied',
    ],
    [
      "a customer's note on a General Help Desk incident → nobody (it is in the desk's queue)",
      'customer',
      actorFor('customer'),
      ctx,
      helpDesk,
      [],
      null,
    ],
    [
      "a customer's note on a team set to nobody → nobody",
      'customer',
      null,
      ownedByCps,
      { ...cps, notify: 'nobody' as const },
      [],
      null,
    ],
  ] as const)('%s', (_name, visibility, author, context, ownerTeam, to, template) => {
    const drafts = noteMail({
      note: 'Still broken after restart.',
      visibility,
      author,
      ctx: context,
      ownerTeam,
    });
    expect(drafts.map((d) => d.toAddress)).toEqual(to);
    if (template) {
      expect(
        drafts.every(
          (d) => d.template === template && d.textBody.includes('Still broken after restart.'),
        ),
      ).toBe(true);
    }
  });
});

describe('acknowledgementMail', () => {
  test.each([
    ['email', 1],
    ['portal', 1],
    ['phone', 0],
    ['chat', 0],
  ] as const)('a case arriving by %s → %i acknowledgement', (channel, n) => {
    const drafts = acknowledgementMail(ctx, channel);
    expect(drafts).toHaveLength(n);
    if (n)
      expect(drafts[0]).toMatchObject({
        template: 'acknowledgement',
        subject: 'We received your request',
        textBody: expect.stringContaining('recorded as INC-000001'),
      });
  });
});

describe('an e-mail acknowledgement repeats nothing the sender wrote', () => {
  const forged: MailContext = {
    ...ctx,
    incident: {
      ...ctx.incident,
      callerName: 'Reset your password at http://evil.example',
      description: 'Click http://evil.example/login now',
    },
  };
  const withDescription = resolveTemplates([
    {
      key: 'acknowledgement',
      subject: 'Got {{description}}',
      body: '{{callerName}}: {{description}}',
    },
  ]);

  test.each([
    ['the shipped template', forged],
    ['an admin template that asks for the description', { ...forged, templates: withDescription }],
  ])('%s: no body, no display name', (_name, context) => {
    const [draft] = acknowledgementMail(context, 'email');
    const text = `${draft!.subject}\n${draft!.textBody}\n${draft!.toName ?? ''}`;
    expect(text).not.toContain('evil.example');
    expect(draft!.toAddress).toBe(ctx.customer!.address);
  });

  test('a matched customer is greeted by their recorded name', () => {
    const [draft] = acknowledgementMail(forged, 'email', 'Casey Customer');
    expect(draft).toMatchObject({
      toName: 'Casey Customer',
      textBody: expect.stringContaining('Hello Casey Customer,'),
    });
  });

  test('a portal case (a signed-in customer) may still be quoted by an admin template', () => {
    const [draft] = acknowledgementMail({ ...forged, templates: withDescription }, 'portal');
    expect(draft!.textBody).toContain('Click http://evil.example/login now');
  });
});
