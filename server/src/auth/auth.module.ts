import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { AuditModule } from '../audit';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LOGIN_THROTTLER, LoginThrottlerGuard, TotpThrottlerGuard } from './login-throttler.guard';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { TwoFactorController } from './two-factor.controller';
import { TwoFactorService } from './two-factor.service';
import { PasswordResetMailer } from './password-reset-mailer';
import { PasswordsService } from './passwords.service';
import { PgThrottlerStorage } from './pg-throttler-storage';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    AuditModule,
    ThrottlerModule.forRootAsync({
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => ({
        throttlers: [{ name: LOGIN_THROTTLER, ttl: 60_000, limit: 10, blockDuration: 60_000 }],
        storage: new PgThrottlerStorage(dataSource),
      }),
    }),
  ],
  controllers: [AuthController, TwoFactorController, OidcController, UsersController],
  providers: [
    AuthService,
    UsersService,
    PasswordsService,
    PasswordResetMailer,
    LoginThrottlerGuard,
    TotpThrottlerGuard,
    TwoFactorService,
    OidcService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, UsersService],
})
export class AuthModule {}
