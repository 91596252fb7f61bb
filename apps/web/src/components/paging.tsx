import { useState, type ReactNode } from 'react';
import { hashKey, keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import { DataTable, type Column } from './DataTable';
import { Button, FormProblem } from './form';

/** A page of a keyset-paged list, as every list endpoint of the API answers. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorList<T> {
  query: UseQueryResult<CursorPage<T>>;
  /** 0 for the first page. */
  page: number;
  /** Undefined on the first page. */
  back?: () => void;
  /** Undefined on the last page, and while another page or filter is still loading. */
  forward?: () => void;
}

/**
 * A list the API pages by cursor, one page at a time. It keeps the cursors of the pages seen so
 * far, so that "Vorherige Seite" goes back without the API paging backwards. A changed query key
 * (a filter) starts again at page 1. While a page loads, the one before stays on screen.
 */
export function useCursorList<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>): CursorList<T> {
  const scope = hashKey(queryKey);
  const [state, setState] = useState<{ scope: string; cursors: Array<string | undefined> }>({ scope, cursors: [undefined] });
  // A new filter: back to page 1, adjusted while rendering (https://react.dev/learn/you-might-not-need-an-effect#adjusting-some-state-when-a-prop-changes).
  if (state.scope !== scope) setState({ scope, cursors: [undefined] });
  const cursors = state.scope === scope ? state.cursors : [undefined];
  const page = cursors.length - 1;
  const cursor = cursors[page];
  const query = useQuery({ queryKey: [...queryKey, cursor], queryFn: () => fetchPage(cursor), placeholderData: keepPreviousData });
  const next = query.isPlaceholderData ? null : query.data?.nextCursor ?? null;
  return {
    query,
    page,
    back: page > 0 ? () => setState({ scope, cursors: cursors.slice(0, -1) }) : undefined,
    forward: next ? () => setState({ scope, cursors: [...cursors, next] }) : undefined,
  };
}

/** "Vorherige Seite", the page number (announced, also while it loads) and "Nächste Seite". */
export function Pager({ list, label }: { list: CursorList<unknown>; label: string }) {
  return (
    <nav className="pager" aria-label={label}>
      <Button variant="secondary" disabled={!list.back} onClick={list.back}>Vorherige Seite</Button>
      <span className="kern-body" role="status">Seite {list.page + 1}{list.query.isFetching ? ' wird geladen …' : ''}</span>
      <Button variant="secondary" disabled={!list.forward} onClick={list.forward}>Nächste Seite</Button>
    </nav>
  );
}

/** A cursor-paged list as a table: what went wrong, the page's rows (or the empty state) and the pager. */
export function CursorTable<T>({ list, caption, pagerLabel, ...table }: {
  list: CursorList<T>;
  /** The table's caption; the page number is added. */
  caption: string;
  /** The name of the pager's navigation landmark, unique on the page. */
  pagerLabel: string;
  columns: Array<Column<T> | false | undefined>;
  empty: ReactNode;
  className?: string;
}) {
  return (
    <>
      <FormProblem error={list.query.error} />
      <DataTable caption={`${caption}, Seite ${list.page + 1}`} rows={list.query.data?.items} {...table} />
      <Pager list={list} label={pagerLabel} />
    </>
  );
}
