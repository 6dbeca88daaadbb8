import { type KnownOutageSource } from '@handoff/domain';
import { outageRepository, type Db } from '@handoff/db';

/**
 * The planned and active outages with their services, as routing (`knownOutageFor`) and Help
 * Online's check read them: one load, through the Reader, so it works on either engine.
 */
export async function loadOpenOutages(db: Db) {
  const open = await outageRepository.findOpen(db);
  const services = await outageRepository.findServices(
    db,
    open.map((o) => o.id),
  );
  return open.map((o) => ({
    number: o.number,
    title: o.title,
    status: o.status === 'active' ? ('active' as const) : ('planned' as const),
    summary: o.publicSummary,
    startAt: o.startAt,
    expectedEndAt: o.expectedEndAt,
    serviceIds: (services.get(o.id) ?? []).map((s) => s.id),
  }));
}

/**
 * Help Online's "is this already known?" check: planned and active outages touching the customer's
 * services, with their public summary only (never owners, authors or internal notes). The domain
 * asks synchronously, so the open outages are loaded first (async, either engine) and filtered here.
 */
export async function knownOutagesFrom(db: Db): Promise<KnownOutageSource> {
  const open = (await loadOpenOutages(db)).map((o) => ({
    number: o.number,
    status: o.status,
    summary: o.summary,
    serviceIds: o.serviceIds,
    startsAt: o.startAt,
    expectedEndAt: o.expectedEndAt,
  }));
  return {
    findOpenForServices: (serviceIds) =>
      open.filter((o) => o.serviceIds.some((id) => serviceIds.includes(id))),
  };
}
