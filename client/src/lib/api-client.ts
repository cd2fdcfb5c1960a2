import {
  type ClientErrorBody,
  type ClientErrorCode,
  fieldMessages,
  NETWORK_ERROR_STATUS,
  toClientErrorBody,
  userMessageFor,
} from './api-errors';

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

/**
 * A failed API call, carrying the server's error body. `message` is fit to show to the user (see
 * `userMessageFor`); `serverMessage` is the server's own wording, `code` the domain error code.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly error: string;
  readonly code: ClientErrorCode;
  readonly serverMessage: string;
  readonly details: unknown;

  constructor(body: ClientErrorBody) {
    super(userMessageFor(body));
    this.statusCode = body.statusCode;
    this.error = body.error;
    this.code = body.code;
    this.serverMessage = body.message;
    this.details = body.details;
  }

  /** The whole error body as the server sent it, e.g. to log it or pass it on. */
  toBody(): ClientErrorBody {
    return {
      statusCode: this.statusCode,
      error: this.error,
      code: this.code,
      message: this.serverMessage,
      details: this.details,
    };
  }

  /** Field errors keyed by field path (from the validation pipe's `details: [{field, messages}]`). */
  get fieldMessages(): ReadonlyMap<string, readonly string[]> {
    return fieldMessages(this.details);
  }
}

export function isApiError(error: unknown, statusCode?: number): error is ApiError {
  return error instanceof ApiError && (statusCode === undefined || error.statusCode === statusCode);
}

export { NETWORK_ERROR_STATUS };

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

/** The address of an API path with its query; empty, null and undefined parameters are left out. */
export function buildUrl(path: string, query: QueryParams | undefined): string {
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
    throw new ApiError(toClientErrorBody(NETWORK_ERROR_STATUS, 'Network Error', undefined));
  }

  const payload = await readBody(response).catch(() => undefined);
  if (!response.ok) {
    const error = new ApiError(toClientErrorBody(response.status, response.statusText, payload));
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
