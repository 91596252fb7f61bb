import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { lazyRoute } from '../../components/Lazy';

// Loaded only when an admin opens them: nobody else needs their code (initial JS budget, issue 10).
const AgenciesPage = lazy(() => import('./AgenciesPage').then((m) => ({ default: m.AgenciesPage })));
const AgencyEditPage = lazy(() => import('./AgencyEditPage').then((m) => ({ default: m.AgencyEditPage })));
const PeoplePage = lazy(() => import('./PeoplePage').then((m) => ({ default: m.PeoplePage })));
const PersonEditPage = lazy(() => import('./PersonEditPage').then((m) => ({ default: m.PersonEditPage })));
const DeputiesPage = lazy(() => import('./DeputiesPage').then((m) => ({ default: m.DeputiesPage })));
const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));

/** The admin pages' entries in the main navigation (Layout shows them to admins only). */
export const ADMIN_NAV = [
  { to: '/verwaltung/behoerden', label: 'Behörden' },
  { to: '/verwaltung/personen', label: 'Personen' },
  { to: '/verwaltung/vertretungen', label: 'Vertretungen' },
  { to: '/verwaltung/protokoll', label: 'Prüfprotokoll' },
];

/** The admin routes; main.tsx puts each behind RequireSignIn with the admin role ("Kein Zugriff" for everyone else). */
export const adminRoutes: RouteObject[] = [
  lazyRoute('/verwaltung/behoerden', <AgenciesPage />),
  lazyRoute('/verwaltung/behoerden/neu', <AgencyEditPage />),
  lazyRoute('/verwaltung/behoerden/:id', <AgencyEditPage />),
  lazyRoute('/verwaltung/personen', <PeoplePage />),
  lazyRoute('/verwaltung/personen/neu', <PersonEditPage />),
  lazyRoute('/verwaltung/personen/:id', <PersonEditPage />),
  lazyRoute('/verwaltung/vertretungen', <DeputiesPage />),
  lazyRoute('/verwaltung/protokoll', <AuditPage />),
];

/** The document title of an admin page (Layout). */
export function adminTitle(path: string): string | undefined {
  const nav = ADMIN_NAV.find((n) => n.to === path);
  if (nav) return nav.label;
  if (path === '/verwaltung/behoerden/neu') return 'Neue Behörde';
  if (path.startsWith('/verwaltung/behoerden/')) return 'Behörde bearbeiten';
  if (path === '/verwaltung/personen/neu') return 'Neue Person';
  if (path.startsWith('/verwaltung/personen/')) return 'Person bearbeiten';
  return undefined;
}
