import { Global, Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DevModule } from '../dev/dev.module';
import { DevOutboxService } from '../dev/dev-outbox.service';
import { DevOutboxSmsSender } from './dev-outbox.sender';
import { SMS_SENDER, type SmsSender } from './sms-sender';
import { SmsRuSender } from './smsru.sender';

@Global()
@Module({
  imports: [DevModule],
  providers: [
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG, DevOutboxService, Clock],
      useFactory: (config: AppConfig, outbox: DevOutboxService, clock: Clock): SmsSender => {
        switch (config.sms.provider) {
          case 'smsru':
            return new SmsRuSender(config.sms);
          case 'dev':
            return new DevOutboxSmsSender(outbox, clock);
        }
      },
    },
  ],
  exports: [SMS_SENDER],
})
export class SmsModule {}
