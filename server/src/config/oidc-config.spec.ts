import { ConfigError } from './config-error';
import { readOidcConfig } from './oidc-config';

const PUBLIC_URL = 'https://concord.example.org';
const FULL = {
  OIDC_ISSUER: 'https://login.example.org/realms/staff',
  OIDC_CLIENT_ID: 'concord',
  OIDC_CLIENT_SECRET: 'client-secret',
  OIDC_ROLE_MAP: '{"concord-admin":"admin","concord-drafting":"committee"}',
};

describe('readOidcConfig', () => {
  it('is off when no OIDC variable is set', () => {
    expect(readOidcConfig({}, PUBLIC_URL)).toBeNull();
  });

  it('reads every variable, with the callback under PUBLIC_URL and the "roles" claim by default', () => {
    expect(readOidcConfig(FULL, PUBLIC_URL)).toEqual({
      issuer: 'https://login.example.org/realms/staff',
      clientId: 'concord',
      clientSecret: 'client-secret',
      redirectUrl: 'https://concord.example.org/api/auth/oidc/callback',
      roleClaim: 'roles',
      roleMap: { 'concord-admin': 'admin', 'concord-drafting': 'committee' },
      name: 'login.example.org',
    });
    expect(
      readOidcConfig(
        { ...FULL, OIDC_ROLE_CLAIM: 'groups', OIDC_NAME: 'Staff login', OIDC_REDIRECT_URL: 'https://x.example.org/cb' },
        PUBLIC_URL,
      ),
    ).toMatchObject({ roleClaim: 'groups', name: 'Staff login', redirectUrl: 'https://x.example.org/cb' });
  });

  it.each([
    [
      { OIDC_ISSUER: FULL.OIDC_ISSUER },
      'Single sign-on needs OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ROLE_MAP as well as OIDC_ISSUER',
    ],
    [{ ...FULL, OIDC_ISSUER: 'not a url' }, 'OIDC_ISSUER is not a valid URL: "not a url"'],
    [
      { ...FULL, OIDC_ISSUER: 'http://login.example.org' },
      'OIDC_ISSUER must be an https:// URL (http:// only for localhost), got "http://login.example.org"',
    ],
    [{ ...FULL, OIDC_ROLE_MAP: '{admin}' }, 'OIDC_ROLE_MAP is not valid JSON; expected e.g. {"concord-admin":"admin"}'],
    [
      { ...FULL, OIDC_ROLE_MAP: '["admin"]' },
      'OIDC_ROLE_MAP must be a JSON object mapping provider roles to Concord roles',
    ],
    [{ ...FULL, OIDC_ROLE_MAP: '{}' }, 'OIDC_ROLE_MAP must map at least one provider role'],
    [
      { ...FULL, OIDC_ROLE_MAP: '{"boss":"owner"}' },
      'OIDC_ROLE_MAP maps "boss" to "owner"; the Concord roles are admin, secretariat, committee',
    ],
    [{ ...FULL, OIDC_REDIRECT_URL: 'ftp://x' }, 'OIDC_REDIRECT_URL must be an http:// or https:// URL, got "ftp://x"'],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => readOidcConfig(env, PUBLIC_URL)).toThrow(new ConfigError(message));
    expect(message).not.toContain('\n');
  });

  it('accepts a plain-http issuer on this machine, for a provider run locally', () => {
    expect(readOidcConfig({ ...FULL, OIDC_ISSUER: 'http://localhost:4000' }, PUBLIC_URL)?.issuer).toBe(
      'http://localhost:4000',
    );
  });
});
