import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { call, type CallOptions, type Service } from '../api/client';
import type { Session } from './session';

const STORAGE_KEY = 'yrd.console.session';

interface SessionState {
  session: Session | null;
  signIn(user: string): Promise<Session>;
  signOut(): void;
  /** `call` with the signed-in user's token. */
  api<T>(service: Service, path: string, opts?: Omit<CallOptions, 'token'>): Promise<T>;
}

const SessionContext = createContext<SessionState | null>(null);

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

/** Sign-in as a development user: the gateway mints the token (outside production only). */
export function SessionProvider({ children, initial }: { children: ReactNode; initial?: Session | null }) {
  const [session, setSession] = useState<Session | null>(initial !== undefined ? initial : stored);

  const signIn = useCallback(async (user: string) => {
    const s = await call<Session>('auth', 'dev-login', { body: { user } });
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    setSession(s);
    return s;
  }, []);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
  }, []);

  const api = useCallback(
    <T,>(service: Service, path: string, opts: Omit<CallOptions, 'token'> = {}) =>
      call<T>(service, path, { ...opts, token: session?.token }),
    [session],
  );

  const value = useMemo(() => ({ session, signIn, signOut, api }), [session, signIn, signOut, api]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
