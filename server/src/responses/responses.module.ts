import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { SurveysModule } from '../surveys';
import { RespondController } from './respond.controller';
import { RespondService } from './respond.service';
import { ResponseCountsModule } from './response-counts.module';
import { RespondThrottlerGuard } from './respond-throttler.guard';
import { ResponseReadsService } from './response-reads.service';

@Module({
  imports: [AuditModule, CampaignsModule, SurveysModule, ResponseCountsModule],
  controllers: [RespondController],
  providers: [RespondService, RespondThrottlerGuard, ResponseReadsService],
  exports: [RespondService, ResponseReadsService, ResponseCountsModule],
})
export class ResponsesModule {}
