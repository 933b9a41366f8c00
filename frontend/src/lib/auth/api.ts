import { ApiError, request } from '../api';
import type { User } from '../../types/api';

export type { User };

declare global {
  interface Window {
    /** GET /api/me, started by public/boot.js before the app's JavaScript runs. */
    tandemMe?: Promise<Response>;
  }
}

/** The answer boot.js asked for, once: later calls (after a login, a retry) ask again. */
function earlyAnswer(): Promise<Response> | undefined {
  const early = window.tandemMe;
  window.tandemMe = undefined;
  return early;
}

/** The logged-in person, or null when nobody is (401). */
export async function fetchMe(): Promise<User | null> {
  try {
    return await request<User>('GET', '/api/me', { redirectOn401: false, started: earlyAnswer() });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function login(username: string, password: string): Promise<User> {
  return request<User>('POST', '/login', { form: { username, password }, redirectOn401: false });
}

export function logout(): Promise<void> {
  return request<void>('POST', '/logout', { redirectOn401: false });
}
