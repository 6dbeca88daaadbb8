import { describe, expect, test } from 'vitest';
import { actorFor, domainErrorOf, incidentWith, now } from '../one-steps/test-fixtures';
import { pendingFollowUps, tickFollowUpEffects } from './cps-follow-up';

const asked = { data: { oneStep: 'assign_to_cps', followUp: 'cps_channel_assigned' } };
const ticked = { data: { followUpDone: 'cps_channel_assigned' } };
const other = { data: null };

describe('pendingFollowUps: asked for by a step, open until ticked (kb 000 "Bomgar Chats")', () => {
  test.each([
    ['nothing asked', [other, { data: 'text' }], []],
    ['asked by Assign to CPS of a chat', [other, asked], ['cps_channel_assigned']],
    ['asked, then ticked', [asked, ticked], []],
    [
      'asked again after a tick (a second assignment)',
      [asked, ticked, asked],
      ['cps_channel_assigned'],
    ],
  ] as const)('%s', (_name, journal, pending) => {
    expect(pendingFollowUps(journal)).toEqual(pending);
  });
});

describe('tickFollowUpEffects', () => {
  const incident = incidentWith({ channel: 'chat' });
  const actor = actorFor('l1');

  test('journals an internal line that the CPS channel was told, with no version change', () => {
    const e = tickFollowUpEffects({
      incident,
      journal: [asked],
      followUp: 'cps_channel_assigned',
      actor,
      now,
    });
    expect(e.writes).toEqual([]);
    expect(e.journal).toEqual([
      {
        entity: 'incident',
        id: incident.id,
        entry: {
          kind: 'note',
          visibility: 'internal',
          body: 'Follow-up done: Reply “assigned case to CPS.” to your message in the Chat - Contract Partner Support channel.',
          authorId: actor.id,
          data: { followUpDone: 'cps_channel_assigned' },
          createdAt: now,
        },
      },
    ]);
    expect(e.events).toMatchObject([{ entity: 'incident', entityId: incident.id }]);
  });

  test.each([
    ['never asked', []],
    ['already ticked', [asked, ticked]],
  ])('%s → INVALID_TRANSITION', (_name, journal) => {
    const error = domainErrorOf(() =>
      tickFollowUpEffects({ incident, journal, followUp: 'cps_channel_assigned', actor, now }),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toBe(
      'INC-000001 has no open follow-up “Reply “assigned case to CPS.” to your message in the Chat - Contract Partner Support channel.”',
    );
  });

  test('a role that may not consult chats is refused', () => {
    expect(
      domainErrorOf(() =>
        tickFollowUpEffects({
          incident,
          journal: [asked],
          followUp: 'cps_channel_assigned',
          actor: actorFor('customer'),
          now,
        }),
      ).code,
    ).toBe('FORBIDDEN');
  });
});
