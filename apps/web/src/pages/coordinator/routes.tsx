import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { lazyRoute } from '../../components/Lazy';

/**
 * The coordinator's pages (issue 10): rapport series and meetings with agenda, attendance and
 * minutes; escalations; threshold rules. Loaded on demand (React.lazy), so that the initial bundle
 * carries only this table of routes.
 */
const RapportsPage = lazy(() => import('./RapportsPage').then((m) => ({ default: m.RapportsPage })));
const NewSeriesPage = lazy(() => import('./RapportsPage').then((m) => ({ default: m.NewSeriesPage })));
const MeetingPage = lazy(() => import('./MeetingPage').then((m) => ({ default: m.MeetingPage })));
const EscalationsPage = lazy(() => import('./EscalationsPage').then((m) => ({ default: m.EscalationsPage })));
const EscalationPage = lazy(() => import('./EscalationsPage').then((m) => ({ default: m.EscalationPage })));
const RulesPage = lazy(() => import('./ThresholdRulesPage').then((m) => ({ default: m.ThresholdRulesPage })));
const RuleEditPage = lazy(() => import('./ThresholdRulesPage').then((m) => ({ default: m.RuleEditPage })));

/** Children of the signed-in layout route (main.tsx puts each behind RequireSignIn with the coordinator role). */
export const coordinatorRoutes: RouteObject[] = [
  lazyRoute('/rapporte', <RapportsPage />),
  lazyRoute('/rapporte/neue-serie', <NewSeriesPage />),
  lazyRoute('/rapporte/:id', <MeetingPage />),
  lazyRoute('/eskalationen', <EscalationsPage />),
  lazyRoute('/eskalationen/:id', <EscalationPage />),
  lazyRoute('/schwellenwerte', <RulesPage />),
  lazyRoute('/schwellenwerte/neu', <RuleEditPage />),
  lazyRoute('/schwellenwerte/:id', <RuleEditPage />),
];

/** Navigation entries, shown to coordinators only (Layout.tsx). */
export const coordinatorNav = [
  { to: '/rapporte', label: 'Rapporte' },
  { to: '/eskalationen', label: 'Eskalationen' },
  { to: '/schwellenwerte', label: 'Schwellenwerte' },
];

/** The document title of a coordinator page, or undefined for other paths. */
export function coordinatorTitle(path: string): string | undefined {
  if (path === '/rapporte') return 'Rapporte';
  if (path === '/rapporte/neue-serie') return 'Neue Rapportserie';
  if (path.startsWith('/rapporte/')) return 'Rapport';
  if (path === '/eskalationen') return 'Eskalationen';
  if (path.startsWith('/eskalationen/')) return 'Eskalation';
  if (path === '/schwellenwerte') return 'Schwellenwert-Regeln';
  if (path.startsWith('/schwellenwerte/')) return 'Schwellenwert-Regel';
  return undefined;
}
