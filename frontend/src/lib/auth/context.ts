import { createContext, useContext } from 'react';
import type { Role, User } from '../../types/api';

export interface AuthValue {
  /** undefined while the session is being checked, null when nobody is logged in. */
  user: User | null | undefined;
  /** Error while checking the session (e.g. server unreachable). */
  error: unknown;
  signIn: (username: string, password: string) => Promise<User>;
  signOut: () => Promise<void>;
  retry: () => void;
}

export const AuthContext = createContext<AuthValue | null>(null);

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

export function hasRole(user: User | null | undefined, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

/** Where a person lands after logging in. */
export function landingPath(user: User): string {
  // issue 19: everyone lands on « Ce qui m'attend », the work of their roles (GET /api/home)
  return user.roles.includes('SERVICE') && user.roles.length === 1 ? '/transparence' : '/home';
}
