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
  if (hasRole(user, 'ADVISER')) return '/cases';
  // AI referents' work is a task too: authorising the chatbot's unattended answers
  if (hasRole(user, 'EXPERT') || hasRole(user, 'AI_REFERENT')) return '/tasks';
  // an administrator's first work on a new installation: the organisation (issue 14)
  if (hasRole(user, 'ADMIN')) return '/organisation';
  return '/home';
}
