import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { RespondController } from './respond.controller';
import { RespondService } from './respond.service';
import { RespondThrottlerGuard } from './respond-throttler.guard';

@Module({
  imports: [AuditModule],
  controllers: [RespondController],
  providers: [RespondService, RespondThrottlerGuard],
  exports: [RespondService],
})
export class ResponsesModule {}
