import { translate, type MessageKey } from './i18n';

/** Body of every 4xx/5xx answer of the backend. */
export interface ErrorBody {
  status?: number;
  error?: string;
  message?: string;
  fieldErrors?: Record<string, string>;
}

export type FieldErrors = Record<string, string>;

/** An API call that failed: `message` is ready to show to the person. */
export class ApiError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldErrors;
  /** 'network' when no answer came back; 'http' for a 4xx/5xx answer. */
  readonly kind: 'http' | 'network';

  constructor(message: string, status: number, fieldErrors: FieldErrors = {}, kind: 'http' | 'network' = 'http') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.kind = kind;
  }
}

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

type UnauthorizedHandler = () => void;
let onUnauthorized: UnauthorizedHandler | null = null;

/** Called when an /api call answers 401 (the session is gone): the app goes to the login page. */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  onUnauthorized = handler;
}

export function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const cookie = part.trim();
    if (cookie.startsWith(prefix)) {
      return decodeURIComponent(cookie.slice(prefix.length));
    }
  }
  return undefined;
}

/**
 * The CSRF token, read fresh from the cookie. When the cookie is missing, GET /api/me first:
 * the server sets the cookie on that answer (whether or not someone is logged in).
 */
export async function csrfToken(): Promise<string | undefined> {
  const token = readCookie(CSRF_COOKIE);
  if (token) return token;
  try {
    await fetch('/api/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    // the mutating request below reports the network failure
  }
  return readCookie(CSRF_COOKIE);
}

export function defaultMessageKey(status: number): MessageKey {
  if (status === 401) return 'error.unauthorized';
  if (status === 403) return 'error.forbidden';
  if (status === 404) return 'error.notFound';
  if (status === 409) return 'error.conflict';
  if (status >= 500) return 'error.server';
  if (status >= 400) return 'error.badRequest';
  return 'error.unknown';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ErrorOptions {
  /**
   * Show the server's message on 403 too. For endpoints whose 403 explains a business rule
   * (e.g. the four-eyes rule on a task); Spring's bare "Access Denied" is still replaced.
   */
  serverMessageOn403?: boolean;
  /** Defaults by status, used when the server gives no message. */
  defaultMessages?: Partial<Record<number, MessageKey>>;
}

const BARE_FORBIDDEN = /^(access denied|accès refusé|forbidden)\.?$/i;

/** Maps a failed answer to an ApiError whose message is the server's, or a French default. */
export async function toApiError(response: Response, options: ErrorOptions = {}): Promise<ApiError> {
  const body = await readJson(response);
  let message = '';
  const fieldErrors: FieldErrors = {};
  if (isRecord(body)) {
    if (typeof body.message === 'string') message = body.message.trim();
    if (isRecord(body.fieldErrors)) {
      for (const [field, text] of Object.entries(body.fieldErrors)) {
        if (typeof text === 'string') fieldErrors[field] = text;
      }
    }
  }
  // 403 has one fixed wording: the server's (often English, often empty) one is not for people,
  // unless the endpoint explains its refusals.
  const keep403 = options.serverMessageOn403 && !!message && !BARE_FORBIDDEN.test(message);
  if ((response.status === 403 && !keep403) || !message) {
    message = translate(options.defaultMessages?.[response.status] ?? defaultMessageKey(response.status));
  }
  return new ApiError(message, response.status, fieldErrors);
}

export interface RequestOptions extends ErrorOptions {
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded. */
  form?: Record<string, string>;
  /** Sent as multipart/form-data (a file upload); the browser sets the boundary. */
  multipart?: FormData;
  /** On 401, tell the app the session is gone (default: true for /api paths). */
  redirectOn401?: boolean;
  signal?: AbortSignal;
  /** The answer of this same GET, already asked for (boot.js's /api/me): read instead of fetching. */
  started?: Promise<Response>;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
    body = new URLSearchParams(options.form).toString();
  } else if (options.multipart) {
    body = options.multipart;
  }
  if (MUTATING.has(method)) {
    const token = await csrfToken();
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await (options.started ?? fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(translate('error.network'), 0, {}, 'network');
  }

  if (!response.ok) {
    const error = await toApiError(response, options);
    const redirect = options.redirectOn401 ?? path.startsWith('/api/');
    if (response.status === 401 && redirect && onUnauthorized) onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await readJson(response)) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, json?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, json }),
  put: <T>(path: string, json?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, json }),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  /** POSTs one file as the multipart part `file`. */
  upload: <T>(path: string, file: Blob, fileName: string, options?: RequestOptions) => {
    const multipart = new FormData();
    multipart.append('file', file, fileName);
    return request<T>('POST', path, { ...options, multipart });
  },
};

/** True for failures that may go away by themselves (network, 5xx): worth polling again. */
export function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.kind === 'network' || error.status >= 500);
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return translate('error.unknown');
}
