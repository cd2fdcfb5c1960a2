import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { NetworksModule } from '../networks';
import { ResponsesModule } from '../responses';
import { SurveysModule } from '../surveys';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [AuditModule, SurveysModule, NetworksModule, ResponsesModule],
  controllers: [CampaignsController],
  providers: [CampaignsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
