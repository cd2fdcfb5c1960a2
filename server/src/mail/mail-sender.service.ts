import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberLanguage } from '@concord/shared';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { CampaignsService } from '../campaigns';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { retryDelayMs, withLink } from './mail-templates';

/** How long a claimed message stays out of other workers' reach; a crashed sender's claim expires. */
const LEASE_SECONDS = 300;
const IDLE_POLL_MS = 2_000;
const MAX_ERROR_LENGTH = 1_000;

interface ClaimedMessage {
  id: string;
  invitation_id: string;
  recipient: string;
  language: MemberLanguage;
  subject: string;
  body: string;
  attempts: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends pending outbox messages through SMTP_URL when it is set. Several server instances may run
 * this loop against one database: a message is claimed with FOR UPDATE SKIP LOCKED and leased by
 * moving next_attempt_at ahead, so no two instances send it; the rate limit is per instance.
 */
@Injectable()
export class MailSenderService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MailSender');
  private transport: Transporter | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly campaigns: CampaignsService,
  ) {}

  get enabled(): boolean {
    return this.config.smtpUrl !== null;
  }

  private get ratePerSecond(): number {
    return this.config.mailRatePerSecond;
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.transport = createTransport(this.config.smtpUrl ?? '');
    this.running = this.loop();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.running;
    this.transport?.close();
  }

  /** Starts the next round at once (after messages were queued) instead of at the next poll. */
  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      let handled = 0;
      try {
        handled = await this.sendDue();
      } catch (error) {
        if (!this.stopped)
          this.logger.error(`Sending the outbox failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (handled === 0 && !this.stopped) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = null;
        resolve();
      }, IDLE_POLL_MS);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Claims up to one second's worth of due messages and sends them, spaced to the rate limit. */
  private async sendDue(): Promise<number> {
    const [messages] = await this.dataSource.query<[ClaimedMessage[], number]>(
      `UPDATE outbox o SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
       FROM (
         SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= now()
         ORDER BY next_attempt_at, created_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ) due
       WHERE o.id = due.id
       RETURNING o.id, o.invitation_id, o.recipient, o.language, o.subject, o.body, o.attempts`,
      [this.ratePerSecond, LEASE_SECONDS],
    );
    // TypeORM answers an UPDATE with [rows, count]; the rows come in no particular order.
    messages.sort((a, b) => a.recipient.localeCompare(b.recipient));
    const spacing = 1000 / this.ratePerSecond;
    for (const message of messages) {
      const started = Date.now();
      await this.deliver(message);
      const wait = spacing - (Date.now() - started);
      if (wait > 0) await sleep(wait);
    }
    return messages.length;
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const link = this.campaigns.urlFor(message.invitation_id);
    try {
      await this.transport!.sendMail({
        from: this.config.mailFrom,
        to: message.recipient,
        subject: message.subject,
        text: withLink(message.body, link),
        headers: { 'Content-Language': message.language },
      });
      await this.dataSource.query(
        `UPDATE outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
        [message.id],
      );
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH);
      const maxAttempts = this.config.mailMaxAttempts;
      const delay = retryDelayMs(message.attempts, this.config.mailRetryBaseMs);
      await this.dataSource.query(
        `UPDATE outbox SET last_error = $2,
           status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
           next_attempt_at = now() + make_interval(secs => $4)
         WHERE id = $1`,
        [message.id, reason, maxAttempts, delay / 1000],
      );
      this.logger.warn(`Message ${message.id} to ${message.recipient} failed (attempt ${message.attempts}): ${reason}`);
    }
  }
}
