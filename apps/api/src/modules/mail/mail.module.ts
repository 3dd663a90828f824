import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MAIL_SENDER, type MailSender } from './mail-sender';
import { SmtpMailSender } from './smtp.sender';

/** E-mail: the SMTP sender when `SMTP_HOST` is set, otherwise none (null). */
@Global()
@Module({
  providers: [
    {
      provide: MAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): MailSender | null =>
        config.mail ? new SmtpMailSender(config.mail) : null,
    },
  ],
  exports: [MAIL_SENDER],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_SENDER) private readonly mail: MailSender | null) {}

  onApplicationShutdown(): void {
    this.mail?.close();
  }
}
