import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { ApiTokenDto, UserDto } from '@concord/shared';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { CurrentActor, Roles } from '../common/access.decorators';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { AuthService } from './auth.service';
import { UsersService } from './users.service';
import { TwoFactorService } from './two-factor.service';

@ApiTags('users')
@ApiCookieAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<UserDto[]> {
    return this.users.list(actor);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, body);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }

  @Patch(':id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(actor, id, body);
  }

  @Delete(':id/totp')
  @HttpCode(204)
  disableTotp(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<void> {
    return this.twoFactor.adminDisable(actor, id);
  }

  @Get(':id/tokens')
  listTokens(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<ApiTokenDto[]> {
    return this.auth.listApiTokens(actor, id);
  }

  @Delete(':id/tokens/:tokenId')
  @HttpCode(204)
  revokeToken(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Param('tokenId', parseUuid('tokenId')) tokenId: string,
  ): Promise<void> {
    return this.auth.revokeApiToken(actor, tokenId, id);
  }
}
