import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { NetworksModule } from '../networks/networks.module';
import { ResponsesModule } from '../responses/responses.module';
import { MailController } from './mail.controller';
import { MailSenderService } from './mail-sender.service';
import { OutboxService } from './outbox.service';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [AuditModule, CampaignsModule, NetworksModule, ResponsesModule],
  controllers: [MailController],
  providers: [OutboxService, MailSenderService, ParticipantsService],
})
export class MailModule {}
