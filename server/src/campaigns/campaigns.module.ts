import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { NetworksModule } from '../networks';
import { SurveysModule } from '../surveys';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { RespondentLinksService } from './respondent-links.service';

@Module({
  imports: [AuditModule, SurveysModule, NetworksModule],
  controllers: [CampaignsController],
  providers: [CampaignsService, RespondentLinksService],
  exports: [CampaignsService, RespondentLinksService],
})
export class CampaignsModule {}
