// The incident journal, a page at a time (issue 13 item 2): newest first by keyset, so an
// incident flooded with entries never goes out in one response. Staff read every entry; a
// customer only the customer-visible ones, with a channel-partner ticket's authors labelled.
import { can, requesterAuthorLabel, type Actor, type Incident } from '@handoff/domain';
import { incidentRepository, partnerRepository, type Db } from '@handoff/db';

/** Entries per page on the incident page and in incident.byNumber. */
export const journalPageSize = 50;

type PageOptions = { cursor?: number; limit?: number };

/** Every entry (for those who may read internal notes). */
export const staffJournalPage = (
  db: Db,
  incident: Pick<Incident, 'id'>,
  { cursor, limit = journalPageSize }: PageOptions = {},
) => incidentRepository.findJournalPage(db, incident.id, { cursor, limit });

/** The customer-visible entries only, filtered in the query so a page is never short. */
export async function customerJournalPage(
  db: Db,
  incident: Pick<Incident, 'id'>,
  { cursor, limit = journalPageSize }: PageOptions = {},
) {
  const page = await incidentRepository.findJournalPage(db, incident.id, {
    cursor,
    limit,
    customerOnly: true,
  });
  // A channel-partner requester deals only with the partner group (kb 003): never Tier 2.
  const partner = await partnerRepository.findTicket(db, incident.id);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ id, body, createdAt, kind, data }) =>
      partner
        ? { id, body, createdAt, kind, authorName: requesterAuthorLabel({ data }, partner) }
        : { id, body, createdAt, kind },
    ),
  };
}

/** The page the actor may read. */
export const journalPageFor = async (
  db: Db,
  actor: Actor,
  incident: Pick<Incident, 'id'>,
  options: PageOptions = {},
) =>
  can(actor.role, 'incident.readInternal')
    ? await staffJournalPage(db, incident, options)
    : await customerJournalPage(db, incident, options);
