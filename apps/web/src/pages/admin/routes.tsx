import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { Lazy } from '../../components/Lazy';

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
  { path: '/verwaltung/behoerden', element: <Lazy><AgenciesPage /></Lazy> },
  { path: '/verwaltung/behoerden/neu', element: <Lazy><AgencyEditPage /></Lazy> },
  { path: '/verwaltung/behoerden/:id', element: <Lazy><AgencyEditPage /></Lazy> },
  { path: '/verwaltung/personen', element: <Lazy><PeoplePage /></Lazy> },
  { path: '/verwaltung/personen/neu', element: <Lazy><PersonEditPage /></Lazy> },
  { path: '/verwaltung/personen/:id', element: <Lazy><PersonEditPage /></Lazy> },
  { path: '/verwaltung/vertretungen', element: <Lazy><DeputiesPage /></Lazy> },
  { path: '/verwaltung/protokoll', element: <Lazy><AuditPage /></Lazy> },
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
