import { Controller, Delete, Get } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DemoRemovalResult, DemoStatus } from '@concord/shared';
import { CurrentActor, Roles } from '../common/access.decorators';
import type { Actor } from '../common/actor';
import { DemoDataService } from './demo-data.service';

@ApiTags('demo')
@ApiCookieAuth()
@Roles('admin')
@Controller('demo')
export class DemoController {
  constructor(private readonly demo: DemoDataService) {}

  @Get()
  @ApiOperation({ summary: 'How much demo data is present, and whether it was removed' })
  status(@CurrentActor() actor: Actor): Promise<DemoStatus> {
    return this.demo.status(actor);
  }

  @Delete()
  @ApiOperation({ summary: 'Remove all demo data (real data is never touched); audited' })
  remove(@CurrentActor() actor: Actor): Promise<DemoRemovalResult> {
    return this.demo.remove(actor);
  }
}
