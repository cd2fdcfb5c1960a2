import { isStaffRole, STAFF_ROLES, type StaffRole } from '@concord/shared';
import { ConfigError } from './config-error';

/** Single sign-on for staff through an OpenID Connect provider (all OIDC_* variables). */
export interface OidcConfig {
  /** The provider's issuer URL; its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends people back: `<PUBLIC_URL>/api/auth/oidc/callback` unless set. */
  redirectUrl: string;
  /** The claim (in the ID token or from userinfo) that carries the provider's roles or groups. */
  roleClaim: string;
  /** Provider role → Concord role; a user with none of these roles is refused. */
  roleMap: Record<string, StaffRole>;
  /** The provider's name on the sign-in button ("Sign in with …"). */
  name: string;
}

const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP'] as const;

function parseHttpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${raw}"`);
  }
  if (url.protocol === 'https:') return url;
  // Plain http only to this machine (a provider run for development or tests).
  if (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) return url;
  throw new ConfigError(`${name} must be an https:// URL (http:// only for localhost), got "${raw}"`);
}

function parseRoleMap(raw: string): Record<string, StaffRole> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`OIDC_ROLE_MAP is not valid JSON; expected e.g. {"concord-admin":"admin"}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('OIDC_ROLE_MAP must be a JSON object mapping provider roles to Concord roles');
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length === 0) throw new ConfigError('OIDC_ROLE_MAP must map at least one provider role');
  const map: Record<string, StaffRole> = {};
  for (const [from, to] of entries) {
    if (!isStaffRole(to)) {
      throw new ConfigError(
        `OIDC_ROLE_MAP maps "${from}" to ${JSON.stringify(to)}; the Concord roles are ${STAFF_ROLES.join(', ')}`,
      );
    }
    map[from] = to;
  }
  return map;
}

/** Null when single sign-on is off (no OIDC_* variable set); otherwise every required one must be. */
export function readOidcConfig(env: NodeJS.ProcessEnv, publicUrl: string): OidcConfig | null {
  const given = OIDC_VARIABLES.filter((name) => (env[name] ?? '').trim() !== '');
  if (given.length === 0) return null;
  const missing = OIDC_VARIABLES.filter((name) => !given.includes(name));
  if (missing.length > 0) {
    throw new ConfigError(`Single sign-on needs ${missing.join(', ')} as well as ${given.join(', ')}`);
  }
  const issuer = parseHttpUrl('OIDC_ISSUER', (env.OIDC_ISSUER ?? '').trim());
  const redirectRaw = env.OIDC_REDIRECT_URL?.trim() || `${publicUrl}/api/auth/oidc/callback`;
  let redirectUrl: URL;
  try {
    redirectUrl = new URL(redirectRaw);
  } catch {
    throw new ConfigError(`OIDC_REDIRECT_URL is not a valid URL: "${redirectRaw}"`);
  }
  if (redirectUrl.protocol !== 'http:' && redirectUrl.protocol !== 'https:') {
    throw new ConfigError(`OIDC_REDIRECT_URL must be an http:// or https:// URL, got "${redirectRaw}"`);
  }
  const roleClaim = env.OIDC_ROLE_CLAIM?.trim() || 'roles';
  return {
    // Kept as written: the provider's discovery document must name exactly this issuer.
    issuer: (env.OIDC_ISSUER ?? '').trim(),
    clientId: (env.OIDC_CLIENT_ID ?? '').trim(),
    clientSecret: env.OIDC_CLIENT_SECRET ?? '',
    redirectUrl: redirectUrl.href,
    roleClaim,
    roleMap: parseRoleMap(env.OIDC_ROLE_MAP ?? ''),
    name: env.OIDC_NAME?.trim() || issuer.hostname,
  };
}
