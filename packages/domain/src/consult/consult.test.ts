import { describe, expect, test } from 'vitest';
import { addMinutes } from '../calendar';
import { chatTemplates } from '../routing/chat-templates';
import { domainErrorOf, incidentWith, now, actorFor, teams } from '../one-steps/test-fixtures';
import { acceptConsult } from './accept-consult';
import { consultPrompt } from './consult-prompt';
import { endConsult, openConsult } from './open-consult';
import { type ConsultRequest, type ConsultTeam } from './schema';
import { sendChatTemplate } from './send-chat-template';

const chatIncident = incidentWith({ channel: 'chat' });
const l1 = actorFor('l1');
const stored = (team: ConsultTeam, patch: Partial<ConsultRequest> = {}): ConsultRequest => ({
  id: 41,
  ...openConsult({ incident: chatIncident, team, actor: l1, now }).consult,
  ...patch,
});
const cpsAgent = {
  id: 20,
  name: 'Pat Partner',
  presence: 'ready',
  teamIds: [teams['US - Help Desk CPS']],
} as const;
const esAgent = {
  id: 21,
  name: 'Emery Enterprise',
  presence: 'ready',
  teamIds: [teams['HD ES']],
} as const;

describe('openConsult (kb 000 "Bomgar Chats", kb 002 chat)', () => {
  test('a CPS consult stores the 5- and 10-minute deadlines', () => {
    const { consult, journal } = openConsult({
      incident: chatIncident,
      team: 'cps',
      actor: l1,
      now,
    });
    expect(consult).toEqual({
      incidentId: 1,
      team: 'cps',
      status: 'open',
      openedById: 10,
      openedAt: now,
      busyPromptAt: '2026-11-24T16:05:00Z',
      assignPromptAt: '2026-11-24T16:10:00Z',
      acceptedById: null,
      acceptedAt: null,
    });
    expect(journal[0]?.body).toBe(
      'Asked Chat - Contract Partner Support for an agent to take the chat. If no one accepts: send "CPS busy" at Tuesday 10:05 AM and Assign to CPS at Tuesday 10:10 AM.',
    );
  });

  test('an ES consult has only the 5-minute deadline', () => {
    const { consult, journal } = openConsult({
      incident: chatIncident,
      team: 'es',
      actor: actorFor('hdqa'),
      now,
    });
    expect([consult.busyPromptAt, consult.assignPromptAt]).toEqual(['2026-11-24T16:05:00Z', null]);
    expect(journal[0]?.body).toContain('Chat - Enterprise Support (no cone)');
  });

  test.each([
    ['a CPS agent opening one', { actor: actorFor('cps') }, 'FORBIDDEN'],
    ['a second open consult', { existing: [stored('es')] }, 'INVALID_TRANSITION'],
    [
      'a resolved incident',
      { incident: incidentWith({ status: 'resolved' }) },
      'INVALID_TRANSITION',
    ],
    ['an incident of an active outage', { underOpenOutage: true }, 'INVALID_TRANSITION'],
  ] as const)('%s → %s', (_name, patch, code) => {
    const error = domainErrorOf(() =>
      openConsult({ incident: chatIncident, team: 'cps', actor: l1, now, ...patch }),
    );
    expect(error.code).toBe(code);
  });

  test('an accepted consult does not block a new one', () => {
    expect(() =>
      openConsult({
        incident: chatIncident,
        team: 'cps',
        actor: l1,
        now,
        existing: [stored('cps', { status: 'accepted' })],
      }),
    ).not.toThrow();
  });
});

describe('consultPrompt: deadlines kept on the server (kb 000, 002)', () => {
  const at = (minutes: number, seconds = 0) => addMinutes(now, minutes + seconds / 60);
  test.each([
    ['cps', at(4, 59), null],
    ['cps', at(5), { kind: 'send_cps_busy', since: at(5) }],
    ['cps', at(9, 59), { kind: 'send_cps_busy', since: at(5) }],
    ['cps', at(10), { kind: 'assign_to_cps_not_answered', since: at(10) }],
    ['cps', at(45), { kind: 'assign_to_cps_not_answered', since: at(10) }],
    ['es', at(4, 59), null],
    ['es', at(5), { kind: 'send_to_hd_es', since: at(5) }],
    ['es', at(10), { kind: 'send_to_hd_es', since: at(5) }],
  ] as const)('%s at %s → %o', (team, when, prompt) => {
    expect(consultPrompt(stored(team), when)).toEqual(prompt);
  });

  test.each(['cps', 'es'] as const)(
    'a %s consult of an incident under an open outage prompts no hand-off (issue 14.4)',
    (team) => {
      expect(consultPrompt(stored(team), at(45))).not.toBeNull();
      expect(consultPrompt(stored(team), at(45), true)).toBeNull();
    },
  );

  test.each(['accepted', 'cancelled', 'expired'] as const)(
    'a %s consult prompts nothing',
    (status) => {
      expect(consultPrompt(stored('cps', { status }), at(30))).toBeNull();
    },
  );
});

describe('acceptConsult', () => {
  const accept = (
    team: ConsultTeam,
    agent: typeof cpsAgent | typeof esAgent,
    patch: Partial<ConsultRequest> = {},
  ) =>
    acceptConsult({
      consult: stored(team, patch),
      incident: chatIncident,
      agent: { ...agent, teamIds: [...agent.teamIds] },
      actor: actorFor(team, { id: agent.id, name: agent.name, teamIds: [...agent.teamIds] }),
      now: threeMinutesIn,
      teams,
    });
  const threeMinutesIn = addMinutes(now, 3);

  test('a CPS agent accepts: owner, Transfer to CPS, in progress, busy', () => {
    const { consult, result } = accept('cps', cpsAgent);
    expect(consult).toMatchObject({
      status: 'accepted',
      acceptedById: 20,
      acceptedAt: threeMinutesIn,
    });
    expect(result.changes).toEqual({
      ownerTeamId: 3,
      ownerAgentId: 20,
      status: 'in_progress',
      classification: 'Transfer to CPS',
      version: 4,
      updatedAt: threeMinutesIn,
    });
    expect(result.audit.map((a) => [a.field, a.toValue, a.version])).toEqual([
      ['ownerTeamId', '3', 4],
      ['ownerAgentId', '20', 4],
      ['status', 'in_progress', 4],
      ['classification', 'Transfer to CPS', 4],
    ]);
    expect(result.journal.map((j) => j.body)).toEqual([
      'Chat consult accepted by Pat Partner, who now owns INC-000001 for US - Help Desk CPS.',
    ]);
    expect(result.presence).toEqual([{ userId: 20, presence: 'busy' }]);
    expect(result.notifications.map((n) => [n.audience, n.targetId, n.template])).toEqual([
      ['team', 3, 'assigned'],
      ['user', 10, 'consult_accepted'],
    ]);
  });

  test('an ES agent accepts: HD ES owns it, classification unchanged', () => {
    const { result } = accept('es', esAgent);
    expect(result.changes).toMatchObject({ ownerTeamId: 4, ownerAgentId: 21 });
    expect(result.changes).not.toHaveProperty('classification');
  });

  test.each([
    [
      'an accepted consult',
      () => accept('cps', cpsAgent, { status: 'accepted' }),
      'INVALID_TRANSITION',
    ],
    ['an agent of the other team', () => accept('cps', esAgent), 'FORBIDDEN'],
    [
      'an incident of an open outage (issue 14.4)',
      () =>
        acceptConsult({
          consult: stored('cps'),
          incident: chatIncident,
          agent: { ...cpsAgent, teamIds: [...cpsAgent.teamIds] },
          actor: actorFor('cps', { id: cpsAgent.id, name: cpsAgent.name, teamIds: [3] }),
          now,
          teams,
          underOpenOutage: true,
        }),
      'INVALID_TRANSITION',
    ],
    [
      'an L1 agent',
      () =>
        acceptConsult({
          consult: stored('cps'),
          incident: chatIncident,
          agent: { ...cpsAgent, teamIds: [3] },
          actor: l1,
          now,
          teams,
        }),
      'FORBIDDEN',
    ],
    [
      'a closed incident',
      () =>
        acceptConsult({
          consult: stored('cps'),
          incident: incidentWith({ status: 'closed' }),
          agent: { ...cpsAgent, teamIds: [3] },
          actor: actorFor('cps'),
          now,
          teams,
        }),
      'INVALID_TRANSITION',
    ],
  ] as const)('%s → %s', (_name, run, code) => {
    expect(domainErrorOf(run).code).toBe(code);
  });
});

describe('endConsult', () => {
  test('an open consult is cancelled or expired once', () => {
    expect(endConsult(stored('cps'), 'expired').status).toBe('expired');
    expect(
      domainErrorOf(() => endConsult(stored('cps', { status: 'expired' }), 'cancelled')).code,
    ).toBe('INVALID_TRANSITION');
  });
});

describe('sendChatTemplate (kb 000)', () => {
  test('the template’s text goes into the customer-visible journal', () => {
    const { journal } = sendChatTemplate({
      incident: chatIncident,
      templateId: 'cps-busy',
      actor: l1,
      now,
    });
    expect(journal).toEqual([
      {
        kind: 'note',
        visibility: 'customer',
        body: chatTemplates['cps-busy'].text,
        authorId: 10,
        data: { chatTemplate: 'cps-busy', name: 'CPS busy' },
        createdAt: now,
      },
    ]);
  });

  test.each([
    ['a customer', actorFor('customer'), chatIncident, 'FORBIDDEN'],
    ['a closed incident', l1, incidentWith({ status: 'closed' }), 'INVALID_TRANSITION'],
  ] as const)('%s → %s', (_name, actor, incident, code) => {
    expect(
      domainErrorOf(() =>
        sendChatTemplate({ incident, templateId: 'cps-supported-customer', actor, now }),
      ).code,
    ).toBe(code);
  });

  test.each([
    ['cps-supported-customer', 'es', 'VALIDATION'],
    ['cps-busy', 'es', 'VALIDATION'],
    ['es-busy', 'cps', 'VALIDATION'],
    ['es-supported-service', 'es', null],
    ['es-busy', 'es', null],
    ['cps-busy', 'cps', null],
  ] as const)(
    '%s on a chat consulted with %s → %s (issue 14.12: an ES chat gets the ES templates)',
    (templateId, consultTeam, code) => {
      const send = () =>
        sendChatTemplate({ incident: chatIncident, templateId, actor: l1, now, consultTeam });
      if (code === null) expect(send().journal[0]?.body).toBe(chatTemplates[templateId].text);
      else
        expect(domainErrorOf(send)).toMatchObject({
          code,
          fields: { templateId: expect.any(String) },
        });
    },
  );
});
