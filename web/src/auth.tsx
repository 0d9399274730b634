import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { get, post, setCsrfToken, setUnauthorizedHandler } from './api';
import type { Account, Session, UserRole } from './types';

interface AuthState {
  user: Account | null;
  checking: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Account | null>(null);
  const [checking, setChecking] = useState(true);

  const accept = useCallback((session: Session | null) => {
    setCsrfToken(session?.csrf_token ?? null);
    setUser(session?.user ?? null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => accept(null));
    // `/api/auth/session` answers 200 signed in or not, so a signed-out start logs no failed request.
    get<{ user: Account | null; csrf_token: string | null }>('/api/auth/session')
      .then(
        (session) =>
          accept(
            session.user && session.csrf_token !== null
              ? { user: session.user, csrf_token: session.csrf_token }
              : null,
          ),
        () => accept(null),
      )
      .finally(() => setChecking(false));
    return () => setUnauthorizedHandler(null);
  }, [accept]);

  const signIn = useCallback(
    async (email: string, password: string) =>
      accept(await post<Session>('/api/auth/login', { email, password })),
    [accept],
  );
  const signOut = useCallback(async () => {
    try {
      await post('/api/auth/logout');
    } finally {
      accept(null);
    }
  }, [accept]);

  const value = useMemo(() => ({ user, checking, signIn, signOut }), [user, checking, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}

export const isAgencyUser = (role: UserRole | undefined) => role === 'RECRUITER' || role === 'TENANT_ADMIN';

export const ROLE_LABELS: Record<UserRole, string> = {
  PM_ADMIN: 'Platform admin',
  TENANT_ADMIN: 'Agency admin',
  RECRUITER: 'Recruiter',
};
