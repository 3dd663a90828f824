import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { MailConfig } from '../../config/config';
import { MailDeliveryError, type MailMessage, type MailSender } from './mail-sender';

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * SMTP through nodemailer: one connection per message (no pool to go stale), short timeouts so a
 * dead server fails the attempt quickly and the delivery is retried later.
 */
export class SmtpMailSender implements MailSender {
  private readonly logger = new Logger('Smtp');
  private readonly transport: Transporter;

  constructor(
    private readonly config: MailConfig,
    timeouts: { connectMs?: number; socketMs?: number } = {},
  ) {
    this.transport = createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
      connectionTimeout: timeouts.connectMs ?? 10_000,
      greetingTimeout: timeouts.connectMs ?? 10_000,
      socketTimeout: timeouts.socketMs ?? 30_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from(message.fromName),
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
      });
    } catch (err) {
      const e = err as SmtpError;
      // A 5xx answer to this envelope or message is final; connection and auth trouble is not.
      const permanent =
        (e.code === 'EENVELOPE' || e.code === 'EMESSAGE') &&
        e.responseCode !== undefined &&
        e.responseCode >= 500;
      const detail = e.response ?? e.message;
      throw new MailDeliveryError(
        `SMTP ${this.config.host}:${this.config.port}: ${e.code ? `${e.code} ` : ''}${detail}`,
        { permanent, cause: err },
      );
    }
    this.logger.log(`E-mail to ${message.to} accepted by ${this.config.host}`);
  }

  /** SMTP_FROM as it is when it names the sender; else with `fromName` as the display name. */
  private from(fromName: string | undefined): string | { name: string; address: string } {
    const [parsed] = addressparser(this.config.from, { flatten: true });
    if (!fromName || !parsed?.address || parsed.name) return this.config.from;
    return { name: fromName, address: parsed.address };
  }

  close(): void {
    this.transport.close();
  }
}
