import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { NetworksModule } from '../networks/networks.module';
import { ResponsesModule } from '../responses/responses.module';
import { SurveysModule } from '../surveys/surveys.module';
import { AgreementService } from './agreement.service';
import { CodingRepository } from './coding.repository';
import { CodingSourcesService } from './coding-sources.service';
import { CodingsController } from './codings.controller';
import { CodingsService } from './codings.service';
import { ThemesController } from './themes.controller';
import { ThemesService } from './themes.service';

@Module({
  imports: [AuditModule, CampaignsModule, NetworksModule, ResponsesModule, SurveysModule],
  controllers: [ThemesController, CodingsController],
  providers: [CodingRepository, CodingSourcesService, ThemesService, CodingsService, AgreementService],
  exports: [CodingsService, ThemesService],
})
export class CodingModule {}
