import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MemberImportResult, MemberUpsertResult, NetworkMemberDto } from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { parseUuid } from '../common/pipes';
import { MemberInputDto } from './dto/member-input.dto';
import { MembersService } from './members.service';

@ApiTags('networks')
@ApiCookieAuth()
@Roles('secretariat')
@Controller('networks/:id/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Param('id', parseUuid('id')) id: string): Promise<NetworkMemberDto[]> {
    return this.members.list(actor, id);
  }

  @Post()
  @ApiOperation({ summary: 'Add or update members of the network (upsert by e-mail, which is unique across networks)' })
  @ApiBody({ type: [MemberInputDto] })
  upsert(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: unknown,
  ): Promise<MemberUpsertResult> {
    return this.members.upsert(actor, id, body);
  }

  @Post('import')
  @ApiOperation({
    summary: 'Import members from CSV (header name,email,country,role,language); bad lines are reported',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: {
      type: 'string',
      example: 'name,email,country,role,language\nAziz Karimov,aziz@example.org,Uzbekistan,National Focal Point,ru',
    },
  })
  importCsv(
    @CurrentActor() actor: Actor,
    @Param('id', parseUuid('id')) id: string,
    @Body() body: unknown,
  ): Promise<MemberImportResult> {
    return this.members.importCsv(actor, id, body);
  }
}
