/** An e-mail: plain text plus a simple HTML version of the same content. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The sender's display name, used when SMTP_FROM has none (the company's name). */
  fromName?: string;
  /**
   * A stable `<id@host>`: a message sent again after a crash carries the same id, so mail
   * servers and clients can tell it is the same message.
   */
  messageId?: string;
  headers?: Record<string, string>;
}

/** Sends e-mail. The app talks to mail servers only through this interface. */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** Provides `MailSender | null`: null when SMTP is not configured (e-mails are not sent). */
export const MAIL_SENDER = Symbol('MAIL_SENDER');

export class MailDeliveryError extends Error {
  /** The server refused this message for good (a 5xx reply): trying again will not help. */
  readonly permanent: boolean;

  constructor(message: string, options: { permanent?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'MailDeliveryError';
    this.permanent = options.permanent ?? false;
  }
}
