import { Controller, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { NetworkDto } from '@concord/shared';
import { CurrentActor } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { NetworksService } from './networks.service';

@ApiTags('networks')
@ApiCookieAuth()
@Controller('networks')
export class NetworksController {
  constructor(private readonly networks: NetworksService) {}

  @Get()
  list(@CurrentActor() actor: Actor): Promise<NetworkDto[]> {
    return this.networks.list(actor);
  }
}
