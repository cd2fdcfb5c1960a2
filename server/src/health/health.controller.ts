import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiErrorBody, HealthDto } from '@concord/shared';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorators';
import { toErrorBody } from '../common/api-exception.filter';
import { DomainError } from '../common/domain-error';

const PROBE_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: FastifyReply): Promise<HealthDto | (HealthDto & ApiErrorBody)> {
    if (await this.databaseAnswers()) return { status: 'ok', db: 'up' };
    const error = toErrorBody(
      new DomainError('db_unavailable', 'The database is unreachable; Concord serves again as soon as it is back'),
    );
    response.status(error.statusCode);
    return { ...error, status: 'unavailable', db: 'down' };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    try {
      const probe = this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      );
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
