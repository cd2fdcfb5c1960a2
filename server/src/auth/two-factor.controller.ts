import { Body, Controller, Get, HttpCode, Post, Put, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TotpEnabledDto, TotpPolicyDto, TotpSetupDto, TotpStatusDto } from '@concord/shared';
import type { Actor } from '../common/actor';
import { CurrentActor, CurrentPrincipal, type Principal, Roles } from '../common/access.decorators';
import { OpenDuringTotpEnrolment } from './auth.guard';
import { TotpCodeDto, TotpDisableDto, TotpPolicyBodyDto } from './dto/totp.dto';
import { TotpThrottlerGuard } from './login-throttler.guard';
import { TwoFactorService } from './two-factor.service';

@ApiTags('auth')
@ApiCookieAuth()
@Controller('auth/totp')
export class TwoFactorController {
  constructor(private readonly twoFactor: TwoFactorService) {}

  @OpenDuringTotpEnrolment()
  @Get()
  @ApiOperation({ summary: 'Your two-factor sign-in state' })
  status(@CurrentActor() actor: Actor): Promise<TotpStatusDto> {
    return this.twoFactor.status(actor);
  }

  @OpenDuringTotpEnrolment()
  @Post('setup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Start setting up an authenticator app: a new secret, its otpauth URL and QR code' })
  setup(@CurrentPrincipal() principal: Principal): Promise<TotpSetupDto> {
    return this.twoFactor.setup(principal);
  }

  @OpenDuringTotpEnrolment()
  @UseGuards(TotpThrottlerGuard)
  @Post('enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the set-up with a first code; answers the recovery codes, shown only here' })
  async enable(@CurrentPrincipal() principal: Principal, @Body() body: TotpCodeDto): Promise<TotpEnabledDto> {
    return { recoveryCodes: await this.twoFactor.enable(principal, body.code) };
  }

  @UseGuards(TotpThrottlerGuard)
  @Post('disable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn two-factor sign-in off; needs your password or a current code' })
  disable(@CurrentPrincipal() principal: Principal, @Body() body: TotpDisableDto): Promise<void> {
    return this.twoFactor.disable(principal, body);
  }

  @Roles('admin')
  @Get('policy')
  @ApiOperation({ summary: 'Which roles must use two-factor sign-in' })
  policy(@CurrentActor() actor: Actor): Promise<TotpPolicyDto> {
    return this.twoFactor.readPolicy(actor);
  }

  @Roles('admin')
  @Put('policy')
  @ApiOperation({ summary: 'Set the roles that must use two-factor sign-in (they set it up at their next sign-in)' })
  setPolicy(@CurrentActor() actor: Actor, @Body() body: TotpPolicyBodyDto): Promise<TotpPolicyDto> {
    return this.twoFactor.setPolicy(actor, body.requiredRoles);
  }
}
