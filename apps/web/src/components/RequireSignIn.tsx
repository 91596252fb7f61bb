import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { hasAnyRole, useAuth } from '../auth';
import type { Role } from '../labels';

/** Who a page is for, after "Diese Seite ist für". */
const AUDIENCE: Record<Role, string> = {
  liaison: 'Verbindungspersonen (Liaison) Ihrer Behörde',
  coordinator: 'die Koordination des Drogenrapports',
  leadership: 'die Leitung',
  admin: 'die Administration (IT der Stadt)',
};
const and = new Intl.ListFormat('de', { type: 'conjunction' });

/** While the session is restored (a reload asks for a new access token first). */
export function SessionLoading() {
  return <p className="kern-body loading" role="status">Drogenrapport wird geladen …</p>;
}

/**
 * The one guard of the interface: signed out goes to the sign-in (and back afterwards); with
 * `roles`, anyone holding none of them gets "Kein Zugriff" and who the page is for. The API
 * refuses them as well; this only keeps them from a page that cannot work for them.
 */
export function RequireSignIn({ children, roles }: { children: ReactNode; roles?: readonly Role[] }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <SessionLoading />;
  if (status === 'signed-out') return <Navigate to="/anmelden" replace state={{ from: location.pathname }} />;
  if (roles && !hasAnyRole(me, roles)) {
    return <><h1 className="kern-heading-large">Kein Zugriff</h1><p className="kern-body">Diese Seite ist für {and.format(roles.map((r) => AUDIENCE[r]))}.</p></>;
  }
  return <>{children}</>;
}
