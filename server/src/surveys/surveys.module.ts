import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CHARTER_REVIEW_SLUG, CHARTER_REVIEW_TITLE, CHARTER_REVIEW_V1 } from './seed/charter-review-v1';
import { CHARTER_REVIEW_V2, CHARTER_REVIEW_V2_CHANGELOG } from './seed/charter-review-v2';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';

@Module({
  imports: [AuditModule],
  controllers: [SurveysController],
  providers: [SurveysService],
  exports: [SurveysService],
})
export class SurveysModule implements OnApplicationBootstrap {
  constructor(private readonly surveys: SurveysService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.surveys.seed(CHARTER_REVIEW_SLUG, CHARTER_REVIEW_TITLE, [
      { definition: CHARTER_REVIEW_V1, changelog: 'First version, as sent to the pilot networks.' },
      { definition: CHARTER_REVIEW_V2, changelog: CHARTER_REVIEW_V2_CHANGELOG },
    ]);
  }
}
