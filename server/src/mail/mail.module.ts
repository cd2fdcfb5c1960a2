import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { MailController } from './mail.controller';
import { MailSenderService } from './mail-sender.service';
import { OutboxService } from './outbox.service';

@Module({
  imports: [AuditModule, CampaignsModule],
  controllers: [MailController],
  providers: [OutboxService, MailSenderService],
})
export class MailModule {}
