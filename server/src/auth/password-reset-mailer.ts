import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';

/** The client page that reads the secret from the URL fragment (never sent to any server in requests). */
export function passwordResetUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password#token=${token}`;
}

export function passwordResetText(url: string): string {
  return [
    'Someone asked to reset the password of your Concord account.',
    '',
    'To choose a new password, open this link within one hour. It works once:',
    url,
    '',
    'If you did not ask for this, ignore this message: your password stays as it is.',
  ].join('\n');
}

/** Sends reset links straight through SMTP_URL; without it, nothing is sent. */
@Injectable()
export class PasswordResetMailer implements OnModuleDestroy {
  private transport: Transporter | null = null;

  constructor(@InjectConfig() private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.smtpUrl !== null;
  }

  async send(to: string, token: string): Promise<void> {
    if (this.config.smtpUrl === null) return;
    this.transport ??= createTransport(this.config.smtpUrl);
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to,
      subject: 'Reset your Concord password',
      text: passwordResetText(passwordResetUrl(this.config.publicUrl, token)),
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
