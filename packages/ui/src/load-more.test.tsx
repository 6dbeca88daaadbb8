import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, test } from 'vitest';
import { LoadMore, type NextPage } from './load-more';

const list = (over: Partial<NextPage>): NextPage => ({
  hasNextPage: true,
  isFetchingNextPage: false,
  fetchNextPage: () => Promise.resolve(),
  ...over,
});

describe('LoadMore', () => {
  test('nothing when the list has no more pages', () => {
    expect(renderToStaticMarkup(<LoadMore list={list({ hasNextPage: false })} />)).toBe('');
  });

  test('a Load more button when there is more', () => {
    const html = renderToStaticMarkup(<LoadMore list={list({})} />);
    expect(html).toContain('>Load more</button>');
    expect(html).not.toContain('disabled');
  });

  test('busy and disabled while the next page loads, so a second click cannot ask twice', () => {
    const html = renderToStaticMarkup(<LoadMore list={list({ isFetchingNextPage: true })} />);
    expect(html).toContain('>Loading…</button>');
    expect(html).toContain('disabled=""');
    expect(html).toContain('aria-busy="true"');
  });
});
