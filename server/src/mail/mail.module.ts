import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CampaignsModule } from '../campaigns';
import { NetworksModule } from '../networks';
import { ResponsesModule } from '../responses';
import { MailController } from './mail.controller';
import { MailSenderService } from './mail-sender.service';
import { MailWordingController } from './mail-wording.controller';
import { MailWordingService } from './mail-wording.service';
import { OutboxService } from './outbox.service';
import { ParticipantsService } from './participants.service';

@Module({
  imports: [AuditModule, CampaignsModule, NetworksModule, ResponsesModule],
  controllers: [MailController, MailWordingController],
  providers: [OutboxService, MailSenderService, ParticipantsService, MailWordingService],
})
export class MailModule {}
