import { Controller, Get, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { AuditEventDto, AuditVerifyResult } from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@ApiCookieAuth()
@Roles('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: AuditQueryDto): Promise<AuditEventDto[]> {
    return this.audit.list(actor, { ...query, limit: query.limit ?? 100 });
  }

  @Get('verify')
  verify(@CurrentActor() actor: Actor): Promise<AuditVerifyResult> {
    return this.audit.verify(actor);
  }
}
