import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { MemberPrivacyService } from './member-privacy.service';
import { PrivacyController } from './privacy.controller';
import { RetentionService } from './retention.service';

/**
 * Data protection across the features that hold personal data: a member's export and erasure,
 * and the retention of respondent identities per campaign.
 */
@Module({
  imports: [AuditModule, CampaignsModule],
  controllers: [PrivacyController],
  providers: [MemberPrivacyService, RetentionService],
  exports: [RetentionService],
})
export class PrivacyModule {}
