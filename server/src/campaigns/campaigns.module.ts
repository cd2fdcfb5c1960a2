import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { NetworksModule } from '../networks/networks.module';
import { ResponsesModule } from '../responses/responses.module';
import { SurveysModule } from '../surveys/surveys.module';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [AuditModule, SurveysModule, NetworksModule, ResponsesModule],
  controllers: [CampaignsController],
  providers: [CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
