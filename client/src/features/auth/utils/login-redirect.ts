const REDIRECT_PARAM = 'redirectTo';
const DEFAULT_TARGET = '/';

/**
 * Only same-origin paths are accepted as a return target, so a crafted link such as
 * `/login?redirectTo=https://evil.example` cannot bounce a user off-site after signing in.
 */
export function safeRedirectTarget(value: string | null): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return DEFAULT_TARGET;
  if (value === '/login' || value.startsWith('/login?')) return DEFAULT_TARGET;
  return value;
}

export function redirectTargetFrom(searchParams: URLSearchParams): string {
  return safeRedirectTarget(searchParams.get(REDIRECT_PARAM));
}

/** The login URL that brings the user back to `location` once signed in. */
export function loginPath(location: { pathname: string; search: string; hash: string }): string {
  const target = `${location.pathname}${location.search}${location.hash}`;
  if (target === DEFAULT_TARGET) return '/login';
  return `/login?${new URLSearchParams({ [REDIRECT_PARAM]: target }).toString()}`;
}
