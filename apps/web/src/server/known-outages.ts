import { type KnownOutageSource } from '@handoff/domain';
import { outageRepository, type Db } from '@handoff/db';

/**
 * Help Online's "is this already known?" check: planned and active outages touching the customer's
 * services, with their public summary only (never owners, authors or internal notes).
 */
export function knownOutagesFrom(db: Db): KnownOutageSource {
  return {
    // The domain asks synchronously: the repositories' synchronous twins (issue 20 stage 2: preload).
    findOpenForServices: (serviceIds) => {
      const open = outageRepository.findOpenSync(db);
      const services = outageRepository.findServicesSync(
        db,
        open.map((o) => o.id),
      );
      return open
        .map((o) => ({
          number: o.number,
          status: o.status === 'active' ? ('active' as const) : ('planned' as const),
          summary: o.publicSummary,
          serviceIds: (services.get(o.id) ?? []).map((s) => s.id),
          startsAt: o.startAt,
          expectedEndAt: o.expectedEndAt,
        }))
        .filter((o) => o.serviceIds.some((id) => serviceIds.includes(id)));
    },
  };
}
