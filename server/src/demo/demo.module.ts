import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { NetworksModule } from '../networks/networks.module';
import { SurveysModule } from '../surveys/surveys.module';
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
