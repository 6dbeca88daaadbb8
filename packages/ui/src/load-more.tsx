/** What a keyset-paginated list (a react-query infinite query) offers its "Load more" button. */
export interface NextPage {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The button under every paginated list: shown only when there is more, busy while it loads. */
export function LoadMore({ list }: { list: NextPage }) {
  if (!list.hasNextPage) return null;
  return (
    <div className="actions">
      <button
        type="button"
        onClick={() => void list.fetchNextPage()}
        disabled={list.isFetchingNextPage}
        aria-busy={list.isFetchingNextPage}
      >
        {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
      </button>
    </div>
  );
}
