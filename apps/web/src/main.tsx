import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Link, Navigate, RouterProvider } from 'react-router';
import '@kern-ux/native/dist/kern.min.css';
import '@kern-ux/native/dist/fonts/fira-sans.css';
import './styles.css';
import { OfflineError } from './api/client';
import { AuthProvider, useAuth } from './auth';
import { Lazy } from './components/Lazy';
import { RequireSignIn, SessionLoading } from './components/RequireSignIn';
import { adminRoutes } from './pages/admin/routes';
import { Layout } from './pages/Layout';
import { PasswordPage } from './pages/PasswordPage';
import { ReportPage } from './pages/ReportPage';
import { SignInPage } from './pages/SignIn';
import { SituationPage } from './pages/SituationPage';
import { coordinatorRoutes } from './pages/coordinator/routes';
import { workspaceRoutes } from './pages/workspace/routes';

// A liaison's own reports: a list, loaded on demand like the other lists (the forms and the Lagebild are in the initial bundle).
const MyReportsPage = lazy(() => import('./pages/MyReports').then((m) => ({ default: m.MyReportsPage })));
const EditReportPage = lazy(() => import('./pages/MyReports').then((m) => ({ default: m.EditReportPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A problem answer is final; only a lost connection is worth another try.
      retry: (count, err) => err instanceof OfflineError && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

function SignInRoute() {
  const { status } = useAuth();
  if (status === 'loading') return <SessionLoading />;
  if (status === 'signed-in') return <Navigate to="/" replace />;
  return <SignInPage />;
}

function NotFound() {
  return <><h1 className="kern-heading-large">Seite nicht gefunden</h1><p className="kern-body"><Link to="/">Zum Lagebild</Link></p></>;
}

const router = createBrowserRouter([
  { path: '/anmelden', element: <SignInRoute /> },
  {
    element: <RequireSignIn><Layout /></RequireSignIn>,
    children: [
      { path: '/', element: <SituationPage /> },
      { path: '/melden', element: <RequireSignIn roles={['liaison']}><ReportPage /></RequireSignIn> },
      { path: '/meldungen', element: <RequireSignIn roles={['liaison']}><Lazy><MyReportsPage /></Lazy></RequireSignIn> },
      { path: '/meldungen/:id', element: <RequireSignIn roles={['liaison']}><Lazy><EditReportPage /></Lazy></RequireSignIn> },
      { path: '/passwort', element: <PasswordPage /> },
      ...adminRoutes.map((r) => ({ ...r, element: <RequireSignIn roles={['admin']}>{r.element}</RequireSignIn> })),
      ...coordinatorRoutes.map((r) => ({ ...r, element: <RequireSignIn roles={['coordinator']}>{r.element}</RequireSignIn> })),
      ...workspaceRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
]);


createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <RouterProvider router={router} />
      </AuthProvider>
    </QueryClientProvider>
  </StrictMode>,
);
