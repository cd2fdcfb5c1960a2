import { Module } from '@nestjs/common';
import { AnalysisModule } from '../analysis';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { NetworksModule } from '../networks';
import { ResponsesModule } from '../responses';
import { SurveysModule } from '../surveys';
import { AgreementService } from './agreement.service';
import { CodingRepository } from './coding.repository';
import { CodingSourcesService } from './coding-sources.service';
import { CodingsController } from './codings.controller';
import { CodingsService } from './codings.service';
import { ThemesController } from './themes.controller';
import { ThemeTalliesService } from './theme-tallies.service';
import { ThemesService } from './themes.service';

@Module({
  imports: [AnalysisModule, AuditModule, CampaignsModule, NetworksModule, ResponsesModule, SurveysModule],
  controllers: [ThemesController, CodingsController],
  providers: [
    CodingRepository,
    CodingSourcesService,
    ThemesService,
    CodingsService,
    AgreementService,
    ThemeTalliesService,
  ],
  exports: [CodingsService, ThemesService],
})
export class CodingModule {}
