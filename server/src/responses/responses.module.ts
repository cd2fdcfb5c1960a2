import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RespondController } from './respond.controller';
import { RespondService } from './respond.service';
import { RespondThrottlerGuard } from './respond-throttler.guard';
import { ResponseReadsService } from './response-reads.service';

@Module({
  imports: [AuditModule],
  controllers: [RespondController],
  providers: [RespondService, RespondThrottlerGuard, ResponseReadsService],
  exports: [RespondService, ResponseReadsService],
})
export class ResponsesModule {}
