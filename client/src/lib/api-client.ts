import type { ApiErrorBody } from '@concord/shared';

const API_BASE = '/api';
const CSRF_COOKIE = 'csrf_token';
const CSRF_HEADER = 'x-csrf-token';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** A failed API call, carrying the server's error body. `message` is fit to show to the user. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly error: string;
  readonly details: unknown;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.details = body.details;
  }

  /** The whole error body, e.g. to log it or pass it on. */
  toBody(): ApiErrorBody {
    return { statusCode: this.statusCode, error: this.error, message: this.message, details: this.details };
  }
}

export function isApiError(error: unknown, statusCode?: number): error is ApiError {
  return error instanceof ApiError && (statusCode === undefined || error.statusCode === statusCode);
}

/** Status 0 stands for "no HTTP response at all" (offline, server down, CORS, aborted proxy). */
export const NETWORK_ERROR_STATUS = 0;

const FALLBACK_MESSAGES: Record<number, string> = {
  [NETWORK_ERROR_STATUS]: 'Cannot reach the Concord server. Check your connection and try again.',
  400: 'The request was not valid.',
  401: 'You are not signed in, or your session has expired.',
  403: 'You do not have permission to do this.',
  404: 'Not found.',
  409: 'This conflicts with data that already exists.',
  410: 'This is no longer available.',
  413: 'The request is too large.',
  422: 'Some of the values are not valid.',
  429: 'Too many attempts. Please wait a moment and try again.',
};

function fallbackMessage(statusCode: number): string {
  return (
    FALLBACK_MESSAGES[statusCode] ??
    (statusCode >= 500
      ? `The server ran into a problem (${String(statusCode)}). Please try again.`
      : `The request failed (${String(statusCode)}).`)
  );
}

/**
 * Normalises whatever came back into the contract's error body. The server promises
 * `{statusCode,error,message,details?}`, but a proxy in between may answer with HTML, and
 * framework defaults sometimes send `message` as an array of validation messages.
 */
function toErrorBody(statusCode: number, statusText: string, payload: unknown): ApiErrorBody {
  const fallback: ApiErrorBody = {
    statusCode,
    error: statusText || 'Error',
    message: fallbackMessage(statusCode),
  };
  if (typeof payload !== 'object' || payload === null) return fallback;
  const body = payload as Record<string, unknown>;
  const rawMessage = body.message;
  const message =
    typeof rawMessage === 'string' && rawMessage.trim() !== ''
      ? rawMessage
      : Array.isArray(rawMessage) && rawMessage.length > 0
        ? rawMessage.map(String).join('; ')
        : fallback.message;
  return {
    statusCode: typeof body.statusCode === 'number' ? body.statusCode : statusCode,
    error: typeof body.error === 'string' ? body.error : fallback.error,
    message,
    ...(body.details === undefined ? {} : { details: body.details }),
  };
}

function readCookie(name: string): string | undefined {
  for (const part of document.cookie.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

function buildUrl(path: string, query: QueryParams | undefined): string {
  const url = `${API_BASE}${path.startsWith('/') ? path : `/${path}`}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Lets the app react when any call answers 401 (e.g. the session expired while a page was open).
 * Returns the function that removes the listener.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => {
    unauthorizedListeners.delete(listener);
  };
}

async function request<T>(method: HttpMethod, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  // A file (Blob) goes as it is, with the Content-Type its caller names; anything else as JSON.
  const isFile = body instanceof Blob;
  if (body !== undefined && !isFile) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    // Double-submit CSRF token: the session cookie alone is not enough to change state.
    const csrfToken = readCookie(CSRF_COOKIE);
    if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isFile ? body : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    // Let react-query see its own cancellations for what they are.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      statusCode: NETWORK_ERROR_STATUS,
      error: 'Network Error',
      message: fallbackMessage(NETWORK_ERROR_STATUS),
    });
  }

  const payload = await readBody(response).catch(() => undefined);
  if (!response.ok) {
    const error = new ApiError(toErrorBody(response.status, response.statusText, payload));
    if (response.status === 401) {
      for (const listener of unauthorizedListeners) listener(error);
    }
    throw error;
  }
  return payload as T;
}

/** JSON over `/api`. Paths are relative to `/api`, e.g. `api.get<UserDto[]>('/users')`. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};
