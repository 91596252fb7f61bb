import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from './api/client';

/** Lists every form and filter needs; they change rarely, so they are cached for the session. */
const STALE = 10 * 60_000;

export const usePlaces = () => useQuery({
  queryKey: ['places'], staleTime: STALE,
  queryFn: () => api<Schemas['PlacePageDto']>('GET', '/places', { query: { limit: 200, active: true, sort: 'name' } }).then((p) => p.items),
});
export const useDistricts = () => useQuery({
  queryKey: ['districts'], staleTime: STALE,
  queryFn: () => api<Schemas['DistrictPageDto']>('GET', '/districts', { query: { limit: 200, active: true } }).then((p) => p.items),
});
export const useSubstances = () => useQuery({
  queryKey: ['substances'], staleTime: STALE,
  queryFn: () => api<Schemas['SubstanceListDto']>('GET', '/substances', { query: { active: true } }).then((p) => p.items),
});
export const useAgencies = () => useQuery({
  queryKey: ['agencies'], staleTime: STALE,
  queryFn: () => api<Schemas['AgencyPageDto']>('GET', '/agencies', { query: { limit: 200, active: true } }).then((p) => p.items),
});
export const useWebConfig = () => useQuery({
  queryKey: ['web-config'], staleTime: Infinity,
  queryFn: () => api<Schemas['WebConfigDto']>('GET', '/web-config'),
});
