import { Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';

/** A page loaded on demand (React.lazy), with a status while its code arrives. */
export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="kern-body" role="status">Seite wird geladen …</p>}>{children}</Suspense>;
}

/** A route whose page is loaded on demand. */
export const lazyRoute = (path: string, element: ReactNode): RouteObject => ({ path, element: <Lazy>{element}</Lazy> });
