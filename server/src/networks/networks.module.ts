import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { NetworksController } from './networks.controller';
import { NetworksService } from './networks.service';

@Module({
  controllers: [NetworksController],
  providers: [NetworksService],
  exports: [NetworksService],
})
export class NetworksModule implements OnApplicationBootstrap {
  constructor(private readonly networks: NetworksService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.networks.seed();
  }
}
