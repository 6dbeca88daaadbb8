// Issue 14 item 8: "Consult HD leadership" names the contacts administrators keep and journals the
// consult (kb 001) — it was a dead end with no names and no record.
import { beforeEach, describe, expect, test } from 'vitest';
import { leadershipConsultText } from '@handoff/domain';
import { incidentRepository, routingDataRepository, tablesOf } from '@handoff/db';
import { demoKeys } from '@handoff/db/testing';
import { callerFor, fixedClock, rejectionOf, useSeededDbs } from '../test-callers';

const dbs = useSeededDbs();
/** Oscar Nguyen's demo Canvas call, new in the US - Help Desk queue. */
let number: string;
beforeEach(() => {
  number = demoKeys(dbs.db).incident('Canvas course shows "unauthorized" for a TA.').number;
});

describe('Consult HD leadership', () => {
  test('the Route panel lists the kept contacts; the consult is an internal journal entry naming them', async () => {
    const { db } = dbs;
    const lee = await callerFor(db, 'l1@handoff.test', fixedClock());
    const contacts = await lee.routing.leadershipContacts();
    expect(contacts.map((c) => c.name)).toEqual(
      (await routingDataRepository.findLeadership(db)).map((c) => c.name),
    );
    expect(contacts.length).toBeGreaterThan(0);

    const incident = (await incidentRepository.findByNumber(db, number))!;
    await lee.routing.consultLeadership({
      incidentNumber: number,
      guidance: 'Treat as a normal HD case.',
    });
    const entry = (await incidentRepository.findJournal(db, incident.id)).find((e) =>
      e.body.startsWith('Consulted HD leadership'),
    );
    expect(entry).toMatchObject({
      kind: 'note',
      visibility: 'internal',
      body: leadershipConsultText(contacts, 'Treat as a normal HD case.'),
    });
    for (const c of contacts) expect(entry!.body).toContain(`${c.name}, ${c.contact}`);
  });

  test('refused while no contact is kept, and for a blank note, adding nothing', async () => {
    const { db } = dbs;
    const lee = await callerFor(db, 'l1@handoff.test', fixedClock());
    const incident = (await incidentRepository.findByNumber(db, number))!;
    const before = (await incidentRepository.findJournal(db, incident.id)).length;
    const blank = await rejectionOf(
      lee.routing.consultLeadership({ incidentNumber: number, guidance: '  ' }),
    );
    expect(blank).toMatchObject({ code: 'BAD_REQUEST' });
    await db.delete(tablesOf(db).leadershipContacts);
    const none = await rejectionOf(
      lee.routing.consultLeadership({ incidentNumber: number, guidance: 'Advice' }),
    );
    expect(none).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'No HD leadership contacts are kept yet: an administrator adds them on /admin.',
    });
    expect(await incidentRepository.findJournal(db, incident.id)).toHaveLength(before);
  });

  test('a customer may not read the contacts or journal a consult', async () => {
    const casey = await callerFor(dbs.db, 'customer@handoff.test', fixedClock());
    expect(await rejectionOf(casey.routing.leadershipContacts())).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await rejectionOf(casey.routing.consultLeadership({ incidentNumber: number, guidance: 'x' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
