import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CompanyService, type Letterhead } from '../company/company.service';
import { MAIL_SENDER, MailDeliveryError, type MailSender } from '../mail/mail-sender';
import { SMS_SENDER, type SmsSender } from '../sms/sms-sender';
import { DeliveryRepository, type ClaimedDelivery as Claimed } from './delivery.repository';
import { renderNotification } from './notification-texts';
import { renderStaffNotice } from './staff-notice-texts';

/** How long a claimed delivery is its poller's: longer than any send can take (SMTP: 30 s). */
const LEASE_MS = 10 * 60 * 1000;
/** Retries wait `retryBaseMs × 2^(attempt-1)`, at most this long. */
const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** A chat tells a person by e-mail (or SMS) at most this often. */
const CHAT_GAP_MS = 60 * 60 * 1000;

export interface DeliveryRunResult {
  sent: number;
  /** Failed this time, tried again later. */
  retrying: number;
  failed: number;
  skipped: number;
}

/**
 * The delivery poller: claims due rows of the `notification_deliveries` outbox, sends each by
 * e-mail or SMS and records the outcome. Claiming (`FOR UPDATE SKIP LOCKED`, committed at once)
 * counts the attempt and leases the row, so concurrent pollers on any replica never take the
 * same row; a poller that dies mid-send leaves a row that is due again when its lease ends. A
 * message can thus be sent twice only when the process dies between the server accepting it
 * and the row being marked sent (e-mails then carry the same Message-ID).
 *
 * A chat's new messages are looked at again when due: sent only if something the others wrote
 * is still unread by the person in the chat after the quiet period (CHAT_NOTIFY_QUIET_MINUTES),
 * they still take part and have not read the notification; put off (the attempt not counted)
 * while the oldest unread message is younger than that or an e-mail (SMS) about this chat went
 * to them within the hour; otherwise `skipped`, saying why.
 */
@Injectable()
export class NotificationDeliveryService implements OnApplicationShutdown {
  private readonly logger = new Logger(NotificationDeliveryService.name);
  private readonly shutdown = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly repo: DeliveryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(MAIL_SENDER) private readonly mail: MailSender | null,
    private readonly clock: Clock,
    private readonly company: CompanyService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.shutdown.abort();
    await Promise.allSettled([...this.running]);
  }

  /** Sends what is due, a batch at a time, until nothing is due or `budgetMs` has passed. */
  async deliverDue(
    options: { batchSize?: number; budgetMs?: number } = {},
  ): Promise<DeliveryRunResult> {
    const run = this.run(options.batchSize ?? 20, options.budgetMs ?? 4 * 60 * 1000);
    this.running.add(run);
    try {
      return await run;
    } finally {
      this.running.delete(run);
    }
  }

  private async run(batchSize: number, budgetMs: number): Promise<DeliveryRunResult> {
    const result: DeliveryRunResult = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
    const until = Date.now() + budgetMs;
    // Messages are signed with the company profile as it is when the run starts.
    let company: Letterhead | undefined;
    while (!this.shutdown.signal.aborted && Date.now() < until) {
      const batch = await this.claim(batchSize);
      for (const [i, d] of batch.entries()) {
        if (this.shutdown.signal.aborted) {
          await this.release(batch.slice(i));
          break;
        }
        company ??= await this.company.letterhead();
        const outcome = await this.deliver(d, company);
        if (outcome) result[outcome]++;
      }
      if (batch.length < batchSize) break;
    }
    if (result.sent + result.retrying + result.failed + result.skipped > 0) {
      this.logger.log(
        `Notifications: ${result.sent} sent, ${result.retrying} to retry, ${result.failed} failed, ${result.skipped} skipped`,
      );
    }
    return result;
  }

  /** Takes up to `limit` due rows for this poller: one short transaction. */
  private async claim(limit: number): Promise<Claimed[]> {
    const now = this.clock.now();
    return this.repo.claim(now, new Date(now.getTime() + LEASE_MS), limit);
  }

  /** Gives back claimed rows this poller will not send (it is stopping): due again at once. */
  private async release(rows: Claimed[]): Promise<void> {
    for (const d of rows) await this.repo.release(d.id, d.attempts);
  }

  /** Sends one claimed row; null when it was put off (due again later). */
  private async deliver(d: Claimed, company: Letterhead): Promise<keyof DeliveryRunResult | null> {
    if (d.kind === 'chat_message') {
      const hold = await this.chatHold(d);
      if (hold && 'skip' in hold) {
        await this.finish(d, 'skipped', hold.skip);
        return 'skipped';
      }
      if (hold) {
        await this.repo.postpone(d.id, d.attempts, hold.until);
        return null;
      }
    }
    const texts = d.staff_kind
      ? renderStaffNotice(
          {
            kind: d.staff_kind,
            params: d.params,
            recipientId: d.staff_recipient_id ?? '',
            recipientName: d.full_name,
          },
          this.config.publicUrl,
          this.config.timeZone,
        )
      : renderNotification(
          {
            kind: d.kind!,
            params: d.params,
            contractId: d.contract_id,
            chatId: d.chat_id,
            recipient: d.recipient ?? 'customer',
            customerName: d.full_name,
          },
          this.config.publicUrl,
          company,
        );
    try {
      switch (d.channel) {
        case 'email': {
          if (!this.mail) {
            await this.finish(d, 'skipped', 'E-mail is not set up (no SMTP_HOST): not sent');
            return 'skipped';
          }
          await this.mail.send({
            to: d.address,
            subject: texts.subject,
            text: texts.text,
            html: texts.html,
            ...(company.name ? { fromName: company.name } : {}),
            messageId: `<${d.id}@${new URL(this.config.publicUrl).hostname}>`,
            headers: { 'X-Kabinet-Delivery': d.id },
          });
          break;
        }
        case 'sms':
          await this.sms.send(d.address, texts.sms);
          break;
      }
    } catch (err) {
      const message = (err as Error).message || String(err);
      const permanent = err instanceof MailDeliveryError && err.permanent;
      if (permanent || d.attempts >= this.config.delivery.maxAttempts) {
        await this.finish(d, 'failed', message);
        this.logger.warn(`${d.channel} ${d.id} failed after ${d.attempts} attempt(s): ${message}`);
        return 'failed';
      }
      const wait = Math.min(
        this.config.delivery.retryBaseMs * 2 ** (d.attempts - 1),
        MAX_BACKOFF_MS,
      );
      const next = new Date(this.clock.now().getTime() + wait);
      await this.repo.retryAt(d.id, d.attempts, message, next);
      this.logger.warn(
        `${d.channel} ${d.id}: attempt ${d.attempts} failed, next at ${next.toISOString()}: ${message}`,
      );
      return 'retrying';
    }
    await this.finish(d, 'sent', null);
    return 'sent';
  }

  /** Whether a chat's new messages may go now: null (yes), not yet (`until`), or never (`skip`). */
  private async chatHold(d: Claimed): Promise<{ skip: string } | { until: Date } | null> {
    const state = await this.repo.chatState(d.id);
    if (!state) return { skip: 'The notification is gone' };
    if (state.read) return { skip: 'Read in the cabinet before it was due' };
    if (state.removed) return { skip: 'No longer takes part in the chat' };
    if (!state.unread_since) return { skip: 'Read in the chat before it was due' };
    const now = this.clock.now().getTime();
    const quietEnd = new Date(state.unread_since).getTime() + this.config.chatNotify.quietMs;
    const gapEnd = state.last_sent_at ? new Date(state.last_sent_at).getTime() + CHAT_GAP_MS : 0;
    const until = Math.max(quietEnd, gapEnd);
    return until > now ? { until: new Date(until) } : null;
  }

  /**
   * Records the outcome, unless the row has moved on since we claimed it (another poller took it
   * after our lease ran out): the attempt number is the claim's fencing token.
   */
  private async finish(d: Claimed, status: 'sent' | 'failed' | 'skipped', error: string | null) {
    await this.repo.finish(d.id, d.attempts, status, error, this.clock.now());
  }
}
