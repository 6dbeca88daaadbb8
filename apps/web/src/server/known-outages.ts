import { type KnownOutageSource } from '@handoff/domain';

/**
 * Help Online's "is this already known?" check reads outages through KnownOutageSource. The outages
 * table belongs to the problems-and-outages capability (issue 5), which is built on another branch:
 * until it is merged there is no outage to find, so this source answers "none". When it lands,
 * replace this with a source over its repository (planned or active outages by service) — the
 * portal procedures and pages need no other change.
 */
export const defaultKnownOutages: KnownOutageSource = {
  findOpenForServices: () => [],
};
