/**
 * HDQA's "Unlinked incidents by service": one group per service as people name it. The catalog has
 * one row per service, category and subcategory (Departmental Computer Support > Hardware and >
 * Software), so grouping by catalog row listed one service twice; the group keeps every row's id.
 * Most incidents first, then by name.
 */
export function groupByServiceName<R extends { serviceId: number; serviceName: string }>(
  rows: readonly R[],
): { serviceName: string; serviceIds: number[]; incidents: R[] }[] {
  const groups = new Map<string, { serviceName: string; serviceIds: number[]; incidents: R[] }>();
  for (const r of rows) {
    const g = groups.get(r.serviceName) ?? {
      serviceName: r.serviceName,
      serviceIds: [],
      incidents: [],
    };
    if (!g.serviceIds.includes(r.serviceId)) g.serviceIds.push(r.serviceId);
    g.incidents.push(r);
    groups.set(r.serviceName, g);
  }
  return [...groups.values()].sort(
    (a, b) => b.incidents.length - a.incidents.length || a.serviceName.localeCompare(b.serviceName),
  );
}
