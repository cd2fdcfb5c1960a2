import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { CharterModule, CharterSeedService } from '../charter';
import { NetworksModule } from '../networks';
import { SurveysModule } from '../surveys';
import { DemoDataService } from './demo-data.service';
import { DemoController } from './demo.controller';
import { demoWasRemoved, markDemo } from './demo-records';
import { DemoSeedService } from './demo-seed.service';

/**
 * Imports the modules whose seeds it builds on: Nest runs the bootstrap hooks of imported modules
 * first, so the networks and the charter-review questionnaire exist when the demo seed runs.
 */
@Module({
  imports: [AuditModule, NetworksModule, SurveysModule, CampaignsModule, CharterModule],
  controllers: [DemoController],
  providers: [DemoSeedService, DemoDataService],
})
export class DemoModule implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoSeedService,
    charterSeed: CharterSeedService,
  ) {
    // Before any bootstrap hook: the charter seed starts in CharterModule's.
    charterSeed.useDemoMarker({ wasRemoved: demoWasRemoved, mark: markDemo });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.demo.seed();
  }
}
