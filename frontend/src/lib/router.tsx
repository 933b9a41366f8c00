import { useSyncExternalStore, type AnchorHTMLAttributes, type ReactNode } from 'react';

/**
 * A tiny hash router (`/#/cases/12`): the backend serves one index.html at `/` and needs no
 * forwarding rule for client routes, and no client route collides with `/login` or `/api`.
 */

const listeners = new Set<() => void>();
const states = new Map<string, unknown>();

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('hashchange', notify);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('hashchange', notify);
  };
}

/** The current client path, e.g. `/cases/12?x=1`. */
export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

export interface NavigateOptions {
  replace?: boolean;
  /** Data handed to the next page (kept in memory only). */
  state?: unknown;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  if (options.state !== undefined) states.set(to, options.state);
  else states.delete(to);
  const url = `${window.location.pathname}${window.location.search}#${to}`;
  if (options.replace) window.history.replaceState(window.history.state, '', url);
  else window.history.pushState(window.history.state, '', url);
  notify();
}

/** The state handed by `navigate(path, {state})`, once. */
export function takeNavigationState<T>(path: string): T | undefined {
  const state = states.get(path) as T | undefined;
  states.delete(path);
  return state;
}

export interface Location {
  path: string;
  pathname: string;
  query: URLSearchParams;
}

export function parseLocation(path: string): Location {
  const [pathname, search = ''] = path.split('?', 2);
  return { path, pathname: pathname || '/', query: new URLSearchParams(search) };
}

export function useLocation(): Location {
  const path = useSyncExternalStore(subscribe, currentPath, () => '/');
  return parseLocation(path);
}

/** Matches `/cases/:id` against `/cases/12` → `{id: '12'}`; null when it does not match. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(have[i]);
    else if (want[i] !== have[i]) return null;
  }
  return params;
}

export function href(to: string): string {
  return `#${to}`;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

export function Link({ to, children, ...rest }: LinkProps) {
  return (
    <a href={href(to)} {...rest}>
      {children}
    </a>
  );
}

export function NavLink({ to, children, className, ...rest }: LinkProps) {
  const { pathname } = useLocation();
  const active = pathname === to;
  return (
    <a
      href={href(to)}
      aria-current={active ? 'page' : undefined}
      className={[className, active ? 'active' : undefined].filter(Boolean).join(' ') || undefined}
      {...rest}
    >
      {children}
    </a>
  );
}
