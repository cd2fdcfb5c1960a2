import { Controller, Get, Query, Redirect, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { OidcInfoDto } from '@concord/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/access.decorators';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { setSessionCookies } from './session-cookies';
import { OIDC_FLOW_TTL_MS, OidcService } from './oidc.service';

const FLOW_COOKIE = 'concord_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc';

@ApiTags('auth')
@Public()
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether single sign-on is offered, and the name for its button' })
  info(): OidcInfoDto {
    return this.oidc.info();
  }

  @Get('login')
  @Redirect()
  @ApiOperation({ summary: 'Leave for the OpenID provider (authorization code with PKCE); returnTo is a path here' })
  async login(
    @Query('returnTo') returnTo: unknown,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    const started = await this.oidc.start(returnTo);
    response.setCookie(FLOW_COOKIE, started.pendingFlow, {
      httpOnly: true,
      // The provider sends the browser back with a top-level GET, which lax cookies accompany.
      sameSite: 'lax',
      secure: this.config.cookieSecure,
      path: FLOW_COOKIE_PATH,
      // Max-Age counts seconds; Expires is for clients that only read that.
      maxAge: Math.round(OIDC_FLOW_TTL_MS / 1000),
      expires: new Date(Date.now() + OIDC_FLOW_TTL_MS),
    });
    return { url: started.url, statusCode: 302 };
  }

  @Get('callback')
  @Redirect()
  @ApiOperation({ summary: 'The provider returns here; signs in and goes back, or to /login?sso_error=…' })
  async callback(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ url: string; statusCode: number }> {
    const cookies = request.cookies as Record<string, string | undefined> | undefined;
    const url = request.originalUrl;
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    const result = await this.oidc.finish(query, cookies?.[FLOW_COOKIE]);
    // One flow, one use: the sealed state goes whatever the outcome.
    response.clearCookie(FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
    if (!result.ok) return { url: `/login?sso_error=${result.reason}`, statusCode: 303 };
    setSessionCookies(response, result.session, this.config.cookieSecure);
    return { url: result.returnTo, statusCode: 303 };
  }
}
