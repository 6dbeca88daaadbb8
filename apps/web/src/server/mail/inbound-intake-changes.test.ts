// The inbound mail intake on the commit module (issue 12): each received message is one commit that
// announces exactly the events its effects name, and a failure half-way through that commit leaves
// no incident, journal entry, audit row, log row, attachment, outbox mail, number or event behind
// (the listener then answers 451 and the sender's server retries). Data from the fixture builders.
import { describe, expect, test } from 'vitest';
import { teamNames, type InboundMessage } from '@handoff/domain';
import { changeFeed, incidentRepository, type Db } from '@handoff/db';
import {
  buildCustomer,
  buildService,
  buildTeam,
  nextIncidentNumber,
} from '@handoff/db/testing/builders';
import { changeKit, rowCounts } from '../testing/change-kit';
import { receiveInbound } from './inbound-intake';

let db: Db;
const { refuseInsertsInto } = changeKit((opened) => (db = opened));

const config = { ownAddresses: ['help@handoff.test'], maxAttachmentBytes: 1_000_000 };
const now = '2026-12-01T15:00:00.000Z';

/** The Help Desk queue, the e-mail intake's catalog entry and a known customer. */
async function desk() {
  const helpDesk = await buildTeam(db, { name: teamNames.helpDesk, kind: 'help_desk' });
  await buildService(db, {
    name: 'General Help Desk',
    category: 'Service Inquiry',
    subcategory: 'Unclassified',
  });
  const customer = await buildCustomer(db, { email: 'pat@wisc.edu', name: 'Pat Customer' });
  return { helpDesk, customer };
}

const message = (over: Partial<InboundMessage> = {}): InboundMessage => ({
  envelopeFrom: 'pat@wisc.edu',
  from: { address: 'pat@wisc.edu', name: 'Pat Customer' },
  subject: 'Printer jammed',
  messageId: '<first@wisc.edu>',
  inReplyTo: [],
  references: [],
  headers: {},
  text: 'The printer on floor 2 is jammed.',
  attachmentCount: 1,
  ...over,
});
const file = {
  filename: 'jam.txt',
  contentType: 'text/plain',
  size: 3,
  content: Buffer.from('jam'),
};
const receive = (m: InboundMessage, at = now) =>
  receiveInbound(db, {
    message: m,
    attachments: m.attachmentCount ? [file] : [],
    size: 500,
    now: at,
    config,
  });

const counts = () =>
  rowCounts(db, [
    'incidents',
    'journalEntries',
    'auditEvents',
    'inboundMail',
    'attachments',
    'outbox',
    'counters',
    'changeEvents',
  ]);

describe('each received message commits exactly the events its effects name', () => {
  test('a new e-mail: the incident `created` for the Help Desk queue, and its log row', async () => {
    const { helpDesk } = await desk();
    const before = changeFeed.latestChangeId(db);
    const number = await nextIncidentNumber(db);
    const result = await receive(message());
    expect(result).toMatchObject({ outcome: 'created', incidentNumber: number });
    const events = changeFeed.changesSince(db, before);
    expect(events.map((e) => [e.entity, e.kind])).toEqual([
      ['incident', 'created'],
      ['inboundMail', 'created'],
    ]);
    expect(events[0]).toMatchObject({ entityId: result.incidentId, teamIds: [helpDesk.id] });
    expect(await counts()).toMatchObject({
      incidents: 1,
      inboundMail: 1,
      attachments: 1,
      outbox: 1,
    });
  });

  test('a reply naming the incident: appended to it, one incident event and its log row', async () => {
    await desk();
    const first = await receive(message());
    const incident = (await incidentRepository.findById(db, first.incidentId!))!;
    const before = changeFeed.latestChangeId(db);
    const reply = await receive(
      message({
        subject: `Re: [${incident.number}] We received your request`,
        messageId: '<second@wisc.edu>',
        inReplyTo: ['<first@wisc.edu>'],
        text: 'Still jammed.',
        attachmentCount: 0,
      }),
      '2026-12-01T15:10:00.000Z',
    );
    expect(reply).toMatchObject({ outcome: 'appended', incidentId: incident.id });
    const events = changeFeed.changesSince(db, before);
    expect(events.map((e) => [e.entity, e.entityId, e.kind])).toEqual([
      ['incident', incident.id, 'email_appended'],
      ['inboundMail', expect.any(Number), 'appended'],
    ]);
  });
});

describe('a failure half-way through the commit leaves nothing behind', () => {
  test.each([['attachments'], ['outbox'], ['inbound_mail'], ['change_events']])(
    'a new e-mail failing at %s: no incident, journal, audit, log row, file, mail, number or event',
    async (table) => {
      await desk();
      const before = await counts();
      await refuseInsertsInto(table);
      await expect(receive(message())).rejects.toThrow(/disk full/);
      expect(await counts()).toEqual(before);
    },
  );

  test.each([['journal_entries'], ['inbound_mail'], ['change_events']])(
    'a reply failing at %s: the incident keeps its version, nothing is appended or logged',
    async (table) => {
      await desk();
      const first = await receive(message({ attachmentCount: 0 }));
      const incident = (await incidentRepository.findById(db, first.incidentId!))!;
      const before = await counts();
      await refuseInsertsInto(table);
      await expect(
        receive(
          message({
            subject: `Re: [${incident.number}]`,
            messageId: '<second@wisc.edu>',
            text: 'Still jammed.',
            attachmentCount: 0,
          }),
          '2026-12-01T15:10:00.000Z',
        ),
      ).rejects.toThrow(/disk full/);
      expect(await counts()).toEqual(before);
      expect(await incidentRepository.findById(db, incident.id)).toEqual(incident);
    },
  );
});
