import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { RespondController } from './respond.controller';
import { RespondService } from './respond.service';
import { ResponseProgressService } from './response-progress.service';
import { RespondThrottlerGuard } from './respond-throttler.guard';
import { ResponseReadsService } from './response-reads.service';

@Module({
  imports: [AuditModule],
  controllers: [RespondController],
  providers: [RespondService, RespondThrottlerGuard, ResponseReadsService, ResponseProgressService],
  exports: [RespondService, ResponseReadsService, ResponseProgressService],
})
export class ResponsesModule {}
