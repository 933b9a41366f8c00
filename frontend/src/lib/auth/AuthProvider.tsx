import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../api';
import { currentPath, navigate } from '../router';
import { fetchMe, login, logout } from './api';
import { AuthContext, type AuthValue } from './context';
import type { User } from '../../types/api';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    fetchMe().then(
      (me) => active && setUser(me),
      (e: unknown) => {
        if (!active) return;
        setError(e);
        setUser(null);
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setUser(null);
      const here = currentPath();
      if (!here.startsWith('/login')) navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const me = await login(username, password);
    setError(undefined);
    setUser(me);
    return me;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setUser(null);
      navigate('/login', { replace: true });
    }
  }, []);

  const retry = useCallback(() => {
    setError(undefined);
    setUser(undefined);
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<AuthValue>(() => ({ user, error, signIn, signOut, retry }), [user, error, signIn, signOut, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}
