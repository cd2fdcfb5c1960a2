import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { NetworksModule } from '../networks';
import { ResponsesModule } from '../responses';
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
