import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setAccessToken, setUnauthorizedHandler, type Schemas } from './api/client';

type Session = Schemas['BrowserSessionDto'];
export type Me = Schemas['PersonResponseDto'];

interface AuthState {
  status: 'loading' | 'signed-out' | 'signed-in';
  me: Me | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Reads GET /me again, after the person changed something about themselves (their deputy). */
  reloadMe(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<Session | null> | null = null;

/**
 * One refresh at a time: the refresh cookie is single-use (a second use of the same token ends
 * the session), so concurrent callers share the request in flight.
 */
function refreshOnce(): Promise<Session | null> {
  refreshing ??= api<Session>('POST', '/auth/session/refresh', { csrf: true })
    .catch(() => null)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthState['status']>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const queryClient = useQueryClient();

  const endLocally = useCallback(() => {
    clearTimeout(refreshTimer);
    setAccessToken(null);
    setMe(null);
    setStatus('signed-out');
    queryClient.clear();
  }, [queryClient]);

  const adopt = useCallback((s: Session) => {
    setAccessToken(s.accessToken);
    clearTimeout(refreshTimer);
    // Renew a minute before the access token expires, so that a form being filled in never meets a 401.
    refreshTimer = setTimeout(() => void renew(), Math.max(10, s.expiresIn - 60) * 1000);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- renew is hoisted below and stable

  async function renew(): Promise<boolean> {
    const s = await refreshOnce();
    if (s) adopt(s);
    else endLocally();
    return !!s;
  }

  const start = useCallback(async (s: Session) => {
    adopt(s);
    setMe(await api<Me>('GET', '/me'));
    setStatus('signed-in');
  }, [adopt]);

  useEffect(() => {
    setUnauthorizedHandler(renew);
    // A reload: the access token is gone with the page; the cookie gets a new one.
    let cancelled = false;
    void (async () => {
      const session = await refreshOnce();
      if (cancelled) return;
      if (session) await start(session).catch(endLocally);
      else setStatus('signed-out');
    })();
    return () => {
      cancelled = true;
      setUnauthorizedHandler(null);
    };
  }, [adopt, endLocally, start]);

  const value = useMemo<AuthState>(() => ({
    status,
    me,
    signIn: async (email, password) => {
      await start(await api<Session>('POST', '/auth/session', { body: { email, password }, csrf: true }));
    },
    signOut: async () => {
      try {
        await api('POST', '/auth/session/logout', { csrf: true });
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
      }
      endLocally();
    },
    reloadMe: async () => {
      setMe(await api<Me>('GET', '/me'));
    },
  }), [status, me, start, endLocally]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

export function hasRole(me: Me | null, role: Me['roles'][number]): boolean {
  return !!me?.roles.includes(role);
}

export function hasAnyRole(me: Me | null, roles: ReadonlyArray<Me['roles'][number]>): boolean {
  return roles.some((r) => hasRole(me, r));
}
