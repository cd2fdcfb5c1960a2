import { Module } from '@nestjs/common';
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
import { ThemesService } from './themes.service';

@Module({
  imports: [AuditModule, CampaignsModule, NetworksModule, ResponsesModule, SurveysModule],
  controllers: [ThemesController, CodingsController],
  providers: [CodingRepository, CodingSourcesService, ThemesService, CodingsService, AgreementService],
  exports: [CodingsService, ThemesService],
})
export class CodingModule {}
