import { Module } from '@nestjs/common';
import { DB, type Db } from '../../database/sql';
import { EventsModule } from '../events/events.module';
import { DeliveryRepository } from './delivery.repository';
import { NotificationDeliveryScheduler } from './delivery.scheduler';
import { NotificationDeliveryService } from './delivery.service';
import { NotificationsConsumer } from './notifications.consumer';
import { NotificationsController, StaffNotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { PaymentNoticesRepository } from './payment-notices.repository';
import { PaymentNoticesScheduler } from './payment-notices.scheduler';
import { PaymentNoticesService } from './payment-notices.service';

/**
 * The cabinet's notifications, customers' and staff's (made from domain events by
 * `NotificationsConsumer`), their
 * delivery by e-mail and SMS (the outbox poller), and the payment reminders and overdue notices
 * (a scheduled job).
 */
@Module({
  imports: [EventsModule],
  controllers: [NotificationsController, StaffNotificationsController],
  providers: [
    // No Nest in this repository (the import process makes notifications with it, for now).
    {
      provide: NotificationsRepository,
      useFactory: (db: Db) => new NotificationsRepository(db),
      inject: [DB],
    },
    DeliveryRepository,
    PaymentNoticesRepository,
    NotificationsService,
    NotificationsConsumer,
    NotificationDeliveryService,
    NotificationDeliveryScheduler,
    PaymentNoticesService,
    PaymentNoticesScheduler,
  ],
  exports: [NotificationDeliveryService, PaymentNoticesService, NotificationsService],
})
export class NotificationsModule {}
