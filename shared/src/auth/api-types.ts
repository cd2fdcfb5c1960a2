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
