import type { ReactNode } from 'react';
import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { Button, FormProblem } from './form';
import type { CursorPage } from './paging';

/**
 * A list of cards the API pages by cursor, shown growing: "Weitere … laden" appends the next page
 * (the inbox, one's own reports). Tables page one page at a time instead (paging.tsx).
 */
export function GrowingList<T extends { id: string }>({ queryKey, fetchPage, label, loading, empty, more, children }: {
  queryKey: QueryKey;
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>;
  /** The list's accessible name. */
  label: string;
  /** "… werden geladen …" while the first page loads. */
  loading: string;
  empty: ReactNode;
  /** The button's text, "Weitere … laden". */
  more: string;
  children: (item: T) => ReactNode;
}) {
  const list = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <FormProblem error={list.error} />
      {list.isPending && <p className="kern-body" role="status">{loading}</p>}
      {list.isSuccess && items.length === 0 && <p className="kern-body">{empty}</p>}
      {items.length > 0 && <ul className="report-list" aria-label={label}>{items.map(children)}</ul>}
      {list.hasNextPage && (
        <Button variant="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {list.isFetchingNextPage ? 'Wird geladen …' : more}
        </Button>
      )}
    </>
  );
}
