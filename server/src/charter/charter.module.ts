import { Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { AnalysisModule } from '../analysis';
import { AuditModule } from '../audit';
import { AuthModule } from '../auth';
import { CodingModule } from '../coding';
import { CharterAmendmentVotesService } from './charter-amendment-votes.service';
import { CharterCollaborationController } from './charter-collaboration.controller';
import { CharterDiscussionService } from './charter-discussion.service';
import { CharterEvidenceService } from './charter-evidence.service';
import { CharterExportService } from './charter-export.service';
import { CharterSeedService } from './charter-seed.service';
import { CharterController } from './charter.controller';
import { CharterService } from './charter.service';
import { CharterTranslationService } from './charter-translation.service';
import { EvidenceFiguresService } from './evidence-figures.service';

@Module({
  imports: [AuditModule, AuthModule, AnalysisModule, CodingModule],
  controllers: [CharterController, CharterCollaborationController],
  providers: [
    CharterService,
    CharterDiscussionService,
    CharterEvidenceService,
    CharterExportService,
    CharterSeedService,
    EvidenceFiguresService,
    CharterAmendmentVotesService,
    CharterTranslationService,
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
