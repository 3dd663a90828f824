import { Global, Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DevOutboxController } from './dev-outbox.controller';
import { DevOutboxRepository } from './dev-outbox.repository';
import { DevOutboxService } from './dev-outbox.service';
import { DevOutboxSmsSender } from './dev-outbox.sender';
import { SMS_SENDER, type SmsSender } from './sms-sender';
import { SmsRuSender } from './smsru.sender';

@Global()
@Module({
  controllers: [DevOutboxController],
  providers: [
    DevOutboxRepository,
    DevOutboxService,
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG, DevOutboxRepository, Clock],
      useFactory: (config: AppConfig, outbox: DevOutboxRepository, clock: Clock): SmsSender => {
        switch (config.sms.provider) {
          case 'smsru':
            return new SmsRuSender(config.sms);
          case 'dev':
            return new DevOutboxSmsSender(outbox, clock);
        }
      },
    },
  ],
  exports: [SMS_SENDER, DevOutboxService],
})
export class SmsModule {}
