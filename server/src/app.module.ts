import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalysisModule } from './analysis/analysis.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CharterModule } from './charter/charter.module';
import { CodingModule } from './coding';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { MailModule } from './mail/mail.module';
import { DemoModule } from './demo/demo.module';
import { PrivacyModule } from './privacy';
import { RequestLogModule } from './request-log.module';
import { NetworksModule } from './networks/networks.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { ResponsesModule } from './responses/responses.module';
import { SurveysModule } from './surveys/surveys.module';

/**
 * The whole application, built from a validated configuration. Tests build exactly this module,
 * so pipes, filters and guards (registered as APP_* providers) behave as in production.
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        RequestLogModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(config.databaseUrl), retryAttempts: 5, retryDelay: 2_000 }),
        AnalysisModule,
        AuditModule,
        AuthModule,
        CharterModule,
        CodingModule,
        NetworksModule,
        CampaignsModule,
        ResponsesModule,
        PrivacyModule,
        SurveysModule,
        HealthModule,
        MailModule,
        DemoModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
