import { api } from '../../trpc/react';

/** The routing data query and a refresh of it and of the admin audit log after a change. */
export function useRoutingData() {
  const utils = api.useUtils();
  const q = api.admin.routingData.useQuery();
  const changed = () => {
    void utils.admin.routingData.invalidate();
    void utils.admin.auditLog.invalidate();
  };
  return { q, changed };
}
