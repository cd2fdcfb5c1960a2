import { Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CharterDiscussionService } from './charter-discussion.service';
import { CharterEvidenceService } from './charter-evidence.service';
import { CharterExportService } from './charter-export.service';
import { CharterSeedService } from './charter-seed.service';
import { CharterController } from './charter.controller';
import { CharterService } from './charter.service';

@Module({
  imports: [AuditModule],
  controllers: [CharterController],
  providers: [
    CharterService,
    CharterDiscussionService,
    CharterEvidenceService,
    CharterExportService,
    CharterSeedService,
  ],
  exports: [CharterSeedService],
})
export class CharterModule implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(private readonly seed: CharterSeedService) {}

  onApplicationBootstrap(): void {
    this.seed.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.seed.stop();
  }
}
