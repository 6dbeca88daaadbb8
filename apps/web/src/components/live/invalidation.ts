// Which queries a live change makes stale (issue 17): the client refetches the routers a change
// touches, and only the ones a page has on screen (react-query refetches active queries only).
import { type AppRouter } from '../../server/root';

export type RouterKey = Exclude<keyof AppRouter['_def']['record'], 'live'> | 'live';

// Everything that shows incidents: the page, queues and desks, Help Online, alerts, notifications
// (written with the incident change), consults and problems that list them, the mail they queue.
const incidentViews: RouterKey[] = [
  'incident',
  'queue',
  'case',
  'notification',
  'alert',
  'partner',
  'consult',
  'problem',
  'routing',
  'triage',
  'search',
  'mail',
  // One-steps and accepts set presence (a transfer makes the agent busy).
  'presence',
  // The incident's SLA clocks, kept in the same commit.
  'sla',
];

const byEntity: Record<string, RouterKey[]> = {
  incident: incidentViews,
  partnerTicket: incidentViews,
  consult: ['consult', 'incident', 'queue', 'presence'],
  user: ['presence', 'admin', 'organisation'],
  outage: ['outage', 'problem', 'alert', 'incident', 'case'],
  problem: ['problem', 'alert', 'incident', 'outage', 'queue'],
  incidentViewer: ['live'],
  inboundMail: ['mail', 'incident'],
  attachment: ['incident', 'case', 'mail'],
  team: ['admin', 'organisation', 'queue', 'me'],
  teamMember: ['admin', 'organisation', 'me'],
  organisation: ['admin', 'organisation'],
  organisationDomain: ['admin', 'organisation'],
  customer: ['customer', 'admin'],
  // Marked read in another tab: the list and the unread count.
  notification: ['notification'],
  // The delivery worker's and the admin's changes of a message's status: the Mail page.
  outbox: ['mail'],
  // Admin settings: the admin pages, and what routing and the clocks read of them.
  mailTemplate: ['mail'],
  oncallContact: ['oncall', 'routing'],
  slaPolicy: ['sla', 'incident', 'queue'],
  // A clock restarted, paused or stopped, and the 75% / breach warnings the scheduler commits.
  slaClock: ['sla', 'incident', 'queue', 'notification'],
  department: ['admin', 'routing'],
  holiday: ['admin', 'routing', 'sla'],
  openingHours: ['admin', 'routing', 'sla'],
  leadershipContact: ['admin', 'routing'],
};

/** The routers to refetch after a change of `entity`; a consult prompt coming due is a `tick`. */
export const routersFor = (entity: string): RouterKey[] =>
  entity === 'tick' ? ['consult'] : (byEntity[entity] ?? []);
