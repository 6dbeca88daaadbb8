import { type Role } from '@handoff/domain';

/** What each role's home (/desk) is called: its heading and its page title. */
export const homeTitles: Partial<Record<Role, string>> = {
  l1: 'L1 console',
  hdqa: 'HDQA home',
  cps: 'CPS desk',
  es: 'Enterprise Support desk',
  sncc: 'SNCC desk',
  technologist: 'Technologist desk',
  tier2: 'Tier 2 desk',
  partner_agent: 'Partner desk',
};

export const homeTitleFor = (role: Role | undefined): string =>
  (role && homeTitles[role]) ?? 'My desk';

/** Each home says in one line what it is for and what to do next (issue 19 item 7). */
export const homeIntros: Record<Role, string> = {
  l1: 'Take calls, e-mails, chats and portal cases: start a New incident, answer the Route panel and hand it on with the one-step it recommends.',
  hdqa: 'Watch for potential outages, turn related incidents into a problem for SNCC, and review Primary Tech Partner cases.',
  cps: 'Work the CPS queue: set yourself Ready, take the oldest incident and contact the customer by the promised time.',
  es: 'Work the Enterprise Support queue: take an incident from your team queue, work it and resolve it or send it on.',
  sncc: 'Own outages and problems: post updates on active outages, link problems and resolve their attached incidents when service is back.',
  technologist:
    "Incidents escalated to your groups: take one from your team's queue and resolve it, or hand it back with a note.",
  tier2:
    'Pull partner tickets escalated to Tier 2 from your queue, answer them and hand them back to the partner desk.',
  partner_agent:
    "Claim your group's new tickets from the queue, answer the requester, and escalate to Tier 2 when you need help.",
  admin:
    'Keep the logins, organisations, support groups, on-call contacts, calendars and SLA policies the help desk runs on.',
  customer:
    'Ask the help desk for help with New case, then follow your cases here and answer when we ask you something.',
};

/** What an empty "My open incidents" says: what to do next instead. */
export const homeEmpty = (role: Role): string =>
  role === 'l1'
    ? 'You own no open incidents. Start one with New incident when a contact comes in.'
    : "You own no open incidents. Open your team's queue above and take the oldest one.";
