import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../audit';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { NetworksController } from './networks.controller';
import { NetworksService } from './networks.service';

@Module({
  imports: [AuditModule],
  controllers: [NetworksController, MembersController],
  providers: [NetworksService, MembersService],
  exports: [NetworksService, MembersService],
})
export class NetworksModule implements OnApplicationBootstrap {
  constructor(private readonly networks: NetworksService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.networks.seed();
  }
}
