import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RespondController } from './respond.controller';
import { RespondService } from './respond.service';
import { ResponseProgressService } from './response-progress.service';
import { RespondThrottlerGuard } from './respond-throttler.guard';

@Module({
  imports: [AuditModule],
  controllers: [RespondController],
  providers: [RespondService, RespondThrottlerGuard, ResponseProgressService],
  exports: [RespondService, ResponseProgressService],
})
export class ResponsesModule {}
