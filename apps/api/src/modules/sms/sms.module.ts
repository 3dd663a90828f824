import { Global, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { DevOutboxController } from './dev-outbox.controller';
import { DevOutboxSmsSender } from './dev-outbox.sender';
import { SMS_SENDER, type SmsSender } from './sms-sender';
import { SmsRuSender } from './smsru.sender';

@Global()
@Module({
  controllers: [DevOutboxController],
  providers: [
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG, getDataSourceToken(), Clock],
      useFactory: (config: AppConfig, db: DataSource, clock: Clock): SmsSender => {
        switch (config.sms.provider) {
          case 'smsru':
            return new SmsRuSender(config.sms);
          case 'dev':
            return new DevOutboxSmsSender(db, clock);
        }
      },
    },
  ],
  exports: [SMS_SENDER],
})
export class SmsModule {}
