import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, type RequestOptions, type Schemas } from '../../api/client';

export type Agency = Schemas['AgencyResponseDto'];
export type Person = Schemas['PersonResponseDto'];
export type AuditEntry = Schemas['AuditEntryResponseDto'];

/** Every page of a list (200 at a time, the API's maximum), following nextCursor. */
async function everyPage<T>(path: string, query: RequestOptions['query']): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api<{ items: T[]; nextCursor: string | null }>('GET', path, { query: { ...query, limit: 200, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * All agencies and all people, active and deactivated (admins see both): the names behind the ids
 * in the audit trail and in the deputies, and the choices of the forms and filters.
 */
export const useAllAgencies = () => useQuery({
  queryKey: ['admin', 'agencies', 'all'],
  queryFn: () => everyPage<Agency>('/agencies', { sort: 'name' }),
});
export const useAllPeople = () => useQuery({
  queryKey: ['admin', 'people', 'all'],
  queryFn: () => everyPage<Person>('/people', { sort: 'displayName' }),
});

export function byId<T extends { id: string }>(items: T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((x) => [x.id, x]));
}

/** After a change: the admin lists and the cached reference lists of the other pages. */
export function invalidateDirectory(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['admin'] });
  void queryClient.invalidateQueries({ queryKey: ['agencies'] });
}
