'use client';

import { Suspense } from 'react';
import { Loading } from '@handoff/ui';
import { SearchResults } from '../../../components/search-results';

export default function PortalSearchPage() {
  return (
    <Suspense fallback={<Loading />}>
      <SearchResults portal />
    </Suspense>
  );
}
