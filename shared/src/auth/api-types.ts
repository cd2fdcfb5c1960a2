import type { StaffRole } from './roles';

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  createdAt: string;
}

export interface LoginResponse {
  user: UserDto;
  /** Present (true) when the user's role must use two-factor sign-in and they must set it up first. */
  totpEnrolmentRequired?: true;
}

/** `POST /api/auth/totp/setup`: the secret is shown here and never again. */
export interface TotpSetupDto {
  secret: string;
  otpauthUrl: string;
  /** The otpauth URL as a QR code, an SVG data URL ready for an <img>. */
  qrCode: string;
}

export interface TotpEnabledDto {
  /** Each works once in place of a code; shown only in this answer. */
  recoveryCodes: string[];
}

/** `GET /api/auth/totp`: the signed-in user's two-factor state. */
export interface TotpStatusDto {
  enabled: boolean;
  /** The user's role is among those that must use two-factor sign-in. */
  required: boolean;
  recoveryCodesLeft: number;
}

/** `GET|PUT /api/auth/totp/policy` (admin). */
export interface TotpPolicyDto {
  requiredRoles: StaffRole[];
}

/** `GET /api/auth/oidc` (public): whether the sign-in page offers single sign-on. */
export interface OidcInfoDto {
  enabled: boolean;
  /** The provider's name for the button ("Sign in with …"). */
  name: string | null;
}

export interface ApiTokenCreated {
  id: string;
  name: string;
  token: string;
}

export interface ApiTokenDto {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface AuditEventDto {
  seq: number;
  at: string;
  actor: string | null;
  actorEmail: string | null;
  action: string;
  subject: string | null;
  payload: unknown;
  hash: string;
}

export type AuditVerifyResult = { ok: true; events: number } | { ok: false; events: number; brokenAt: number };

export interface NetworkDto {
  id: string;
  code: string;
  name: string;
  hub: string;
  countries: string[];
  memberCount: number;
}

export interface HealthDto {
  status: 'ok' | 'unavailable';
  db: 'up' | 'down';
}
