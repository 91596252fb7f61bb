import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { hasRole, useAuth } from '../auth';
import { ADMIN_NAV, adminTitle } from './admin/routes';
import { coordinatorNav, coordinatorTitle } from './coordinator/routes';
import { WorkspaceNav, workspaceTitle } from './workspace/routes';

const TITLES: Record<string, string> = {
  '/': 'Lagebild', '/melden': 'Lage melden', '/meldungen': 'Meine Meldungen', '/passwort': 'Passwort ändern',
};

/** The frame of every signed-in page: skip link, header with the person and Abmelden, navigation, main. */
export function Layout() {
  const { me, signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // A page change moves the focus to the new page's main content (and names the page), as a
  // screen reader expects after following a link; not when the page is loaded or remounted.
  useEffect(() => {
    const title = TITLES[location.pathname] ?? workspaceTitle(location.pathname) ?? adminTitle(location.pathname) ?? coordinatorTitle(location.pathname) ?? (location.pathname.startsWith('/meldungen/') ? 'Meldung berichtigen' : 'Seite');
    document.title = `${title} – Drogenrapport`;
    if (shownPath.current !== location.pathname) {
      shownPath.current = location.pathname;
      main.current?.focus();
    }
  }, [location.pathname]);

  const liaison = hasRole(me, 'liaison');
  return (
    <>
      <a className="skip-link" href="#inhalt">Zum Inhalt springen</a>
      <header className="app-header">
        <div className="kern-container app-header__inner">
          <p className="app-header__title"><NavLink to="/" className="app-header__home">Drogenrapport</NavLink></p>
          <div className="app-header__person">
            <span className="kern-body kern-body--small">
              <span className="kern-sr-only">Angemeldet als </span>{me?.displayName}<span className="app-header__agency"> · {me?.agency?.name}</span>
            </span>
            <NavLink to="/konto" className="kern-btn kern-btn--tertiary kern-btn--x-small">
              <span className="kern-icon kern-icon--account-circle kern-icon--small" aria-hidden="true" />
              <span className="kern-label">Mein Konto</span>
            </NavLink>
            <button type="button" className="kern-btn kern-btn--tertiary kern-btn--x-small" onClick={() => void signOut().then(() => navigate('/anmelden'))}>
              <span className="kern-icon kern-icon--logout kern-icon--small" aria-hidden="true" />
              <span className="kern-label">Abmelden</span>
            </button>
          </div>
        </div>
        <nav aria-label="Hauptnavigation" className="app-nav">
          <ul className="kern-container app-nav__list">
            <li><NavLink to="/" end>Lagebild</NavLink></li>
            {liaison && <li><NavLink to="/melden">Lage melden</NavLink></li>}
            {liaison && <li><NavLink to="/meldungen">Meine Meldungen</NavLink></li>}
            <WorkspaceNav />
            {hasRole(me, 'coordinator') && coordinatorNav.map((n) => <li key={n.to}><NavLink to={n.to}>{n.label}</NavLink></li>)}
            {hasRole(me, 'admin') && ADMIN_NAV.map((n) => <li key={n.to}><NavLink to={n.to}>{n.label}</NavLink></li>)}
            <li><NavLink to="/passwort">Passwort ändern</NavLink></li>
          </ul>
        </nav>
      </header>
      <main id="inhalt" ref={main} tabIndex={-1} className="kern-container page">
        <Outlet />
      </main>
    </>
  );
}
