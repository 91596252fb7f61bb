import { Suspense, type ReactNode } from 'react';

/** A page loaded on demand (React.lazy), with a status while its code arrives. */
export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="kern-body" role="status">Seite wird geladen …</p>}>{children}</Suspense>;
}
