import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiTokenCreated, ApiTokenDto, LoginResponse, UserDto } from '@concord/shared';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { CurrentActor, CurrentPrincipal, type Principal, Public } from '../common/access.decorators';
import { CSRF_COOKIE, OpenDuringTotpEnrolment, SESSION_COOKIE } from './auth.guard';
import { setSessionCookies } from './session-cookies';
import { AuthService } from './auth.service';
import { CreateTokenDto } from './dto/create-token.dto';
import { LoginDto } from './dto/login.dto';
import { ChangePasswordDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './dto/password.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { PasswordsService } from './passwords.service';
import { toUserDto, UsersService } from './users.service';

@ApiTags('auth')
@ApiCookieAuth()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly passwords: PasswordsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; sets the session cookie and the readable csrf_token cookie' })
  async login(@Body() body: LoginDto, @Res({ passthrough: true }) response: FastifyReply): Promise<LoginResponse> {
    const started = await this.auth.login(body.email, body.password, body.totp);
    setSessionCookies(response, started, this.config.cookieSecure);
    return started.totpEnrolmentRequired
      ? { user: toUserDto(started.user), totpEnrolmentRequired: true }
      : { user: toUserDto(started.user) };
  }

  @OpenDuringTotpEnrolment()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(principal);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  @OpenDuringTotpEnrolment()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.users.get(actor, actor.id);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password; your other sessions end' })
  changePassword(@CurrentPrincipal() principal: Principal, @Body() body: ChangePasswordDto): Promise<void> {
    return this.passwords.change(principal, body.currentPassword, body.newPassword);
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Forgotten password: e-mails a one-time link valid one hour; 202 whether or not the address has an account',
  })
  requestPasswordReset(@Body() body: PasswordResetRequestDto): void {
    this.passwords.requestReset(body.email);
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the link from the e-mail; every session of the user ends' })
  confirmPasswordReset(@Body() body: PasswordResetConfirmDto): Promise<void> {
    return this.passwords.confirmReset(body.token, body.newPassword);
  }

  @Get('tokens')
  listTokens(@CurrentActor() actor: Actor): Promise<ApiTokenDto[]> {
    return this.auth.listApiTokens(actor);
  }

  @Post('tokens')
  @ApiOperation({ summary: 'Create a personal API token; the token is shown only in this answer' })
  createToken(@CurrentActor() actor: Actor, @Body() body: CreateTokenDto): Promise<ApiTokenCreated> {
    return this.auth.createApiToken(actor, body.name);
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  revokeToken(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<void> {
    return this.auth.revokeApiToken(actor, id);
  }
}
