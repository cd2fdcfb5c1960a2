import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { NetworksModule } from '../networks';
import { SurveysModule } from '../surveys';
import { DemoSeedService } from './demo-seed.service';

/**
 * Imports the modules whose seeds it builds on: Nest runs the bootstrap hooks of imported modules
 * first, so the networks and the charter-review questionnaire exist when the demo seed runs.
 */
@Module({
  imports: [AuditModule, NetworksModule, SurveysModule, CampaignsModule],
  providers: [DemoSeedService],
})
export class DemoModule implements OnApplicationBootstrap {
  constructor(private readonly demo: DemoSeedService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.demo.seed();
  }
}
