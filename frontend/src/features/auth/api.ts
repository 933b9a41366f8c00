import { api } from '../../lib/api';

/** A single sign-on provider the login page offers as « Se connecter avec … ». */
export interface SsoProvider {
  id: string;
  name: string;
  /** where the browser goes to start the provider's login (a full-page navigation) */
  loginUrl: string;
}

/** GET /api/public/login-options: how people may log in, before anyone is. */
export interface LoginOptions {
  formEnabled: boolean;
  providers: SsoProvider[];
}

export const authApi = {
  loginOptions: (signal?: AbortSignal) => api.get<LoginOptions>('/api/public/login-options', { signal, redirectOn401: false }),
};
