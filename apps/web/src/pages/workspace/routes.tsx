import { lazy } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, NavLink, useParams, type RouteObject } from 'react-router';
import { api, type Schemas } from '../../api/client';
import { hasAnyRole, hasRole, useAuth, type Me } from '../../auth';
import { Lazy, lazyRoute } from '../../components/Lazy';
import { RequireSignIn } from '../../components/RequireSignIn';
import type { Role } from '../../labels';

/**
 * Everyone's own work (issue 10): Posteingang, Meine Termine (answer invitations), Mein Konto
 * (notification settings, calendar feed, deputy), Maßnahmen, and the leadership's Übersicht.
 * The pages load on demand (React.lazy); the initial bundle carries only this table of routes,
 * the navigation entries and the unread counter.
 */
const InboxPage = lazy(() => import('./InboxPage').then((m) => ({ default: m.InboxPage })));
const AppointmentsPage = lazy(() => import('./AppointmentsPage').then((m) => ({ default: m.AppointmentsPage })));
const AppointmentPage = lazy(() => import('./AppointmentsPage').then((m) => ({ default: m.AppointmentPage })));
const AccountPage = lazy(() => import('./AccountPage').then((m) => ({ default: m.AccountPage })));
const MeasuresPage = lazy(() => import('./MeasuresPage').then((m) => ({ default: m.MeasuresPage })));
const MeasurePage = lazy(() => import('./MeasurePage').then((m) => ({ default: m.MeasurePage })));
const OverviewPage = lazy(() => import('./OverviewPage').then((m) => ({ default: m.OverviewPage })));

/** The dashboard is for leadership and coordinators (GET dashboard). */
const OVERVIEW_ROLES: Role[] = ['leadership', 'coordinator'];
export const seesOverview = (me: Me | null) => hasAnyRole(me, OVERVIEW_ROLES);

/**
 * Where a notification's link (as the API and the mails write it: /measures/…, /rapports/…,
 * /escalations/…, /dashboard) opens in this interface.
 */
export function productPath(link: string, me: Me | null): string {
  const [, kind, id] = link.split('?')[0]!.split('/');
  if (kind === 'measures' && id) return `/massnahmen/${id}`;
  if (kind === 'rapports' && id) return `/termine/${id}`;
  if (kind === 'escalations' && id) return hasRole(me, 'coordinator') ? `/eskalationen/${id}` : seesOverview(me) ? '/uebersicht' : '/posteingang';
  if (kind === 'dashboard') return seesOverview(me) ? '/uebersicht' : '/';
  if (kind === 'milestones') return '/massnahmen';
  return '/';
}

/** A mail's link opened in the browser lands on the page it names. */
function FromMailLink({ kind }: { kind: string }) {
  const { me } = useAuth();
  const { id } = useParams();
  return <Navigate to={productPath(`/${kind}${id ? `/${id}` : ''}`, me)} replace />;
}

/** Children of the signed-in layout route (main.tsx). */
export const workspaceRoutes: RouteObject[] = [
  lazyRoute('/posteingang', <InboxPage />),
  lazyRoute('/termine', <AppointmentsPage />),
  lazyRoute('/termine/:id', <AppointmentPage />),
  lazyRoute('/konto', <AccountPage />),
  lazyRoute('/massnahmen', <MeasuresPage />),
  lazyRoute('/massnahmen/:id', <MeasurePage />),
  { path: '/uebersicht', element: <RequireSignIn roles={OVERVIEW_ROLES}><Lazy><OverviewPage /></Lazy></RequireSignIn> },
  { path: '/measures/:id', element: <FromMailLink kind="measures" /> },
  { path: '/rapports/:id/*', element: <FromMailLink kind="rapports" /> },
  { path: '/escalations/:id', element: <FromMailLink kind="escalations" /> },
  { path: '/dashboard', element: <FromMailLink kind="dashboard" /> },
];

/** The document title of one of these pages, or undefined for other paths. */
export function workspaceTitle(path: string): string | undefined {
  if (path === '/posteingang') return 'Posteingang';
  if (path === '/termine') return 'Meine Termine';
  if (path.startsWith('/termine/')) return 'Termin';
  if (path === '/konto') return 'Mein Konto';
  if (path === '/massnahmen') return 'Maßnahmen';
  if (path.startsWith('/massnahmen/')) return 'Maßnahme';
  if (path === '/uebersicht') return 'Übersicht';
  return undefined;
}

/** How many notifications are unread; shared by the navigation and the inbox (invalidated by ['notifications']). */
export const useUnreadCount = () => useQuery({
  queryKey: ['notifications', 'unread-count'],
  queryFn: () => api<Schemas['UnreadCountDto']>('GET', '/me/notifications/unread-count').then((r) => r.unread),
  refetchInterval: 60_000,
});

/** "Posteingang (3 ungelesen)" for screen readers; the number as a badge for the eye. */
function InboxNavLink() {
  const unread = useUnreadCount();
  const n = unread.data ?? 0;
  return (
    <NavLink to="/posteingang" aria-label={n > 0 ? `Posteingang (${n} ungelesen)` : undefined}>
      Posteingang{n > 0 && <> <span className="nav-count">{n}</span></>}
    </NavLink>
  );
}

/** Navigation entries (Layout.tsx). */
export function WorkspaceNav() {
  const { me } = useAuth();
  return (
    <>
      <li><InboxNavLink /></li>
      <li><NavLink to="/termine">Meine Termine</NavLink></li>
      <li><NavLink to="/massnahmen">Maßnahmen</NavLink></li>
      {seesOverview(me) && <li><NavLink to="/uebersicht">Übersicht</NavLink></li>}
    </>
  );
}
