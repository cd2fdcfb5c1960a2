import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { StaffRole } from '@concord/shared';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor';

export const IS_PUBLIC = 'concord:public';
export const ROLES = 'concord:roles';

/** The route needs no staff login (respondent links, health, login itself). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Staff roles allowed on the route; admin is always allowed. Without it, any staff role is. */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES, roles);

export interface Principal {
  actor: Actor;
  via: 'session' | 'token';
  sessionId?: string;
}

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The acting staff member, set by the AuthGuard. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.principal === undefined) throw new Error('CurrentActor used on a route without authentication');
  return request.principal.actor;
});

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (request.principal === undefined) throw new Error('CurrentPrincipal used on a route without authentication');
  return request.principal;
});
