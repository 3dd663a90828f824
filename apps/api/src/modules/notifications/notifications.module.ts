import { Module } from '@nestjs/common';
import { NotificationDeliveryScheduler } from './delivery.scheduler';
import { NotificationDeliveryService } from './delivery.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { PaymentNoticesScheduler } from './payment-notices.scheduler';
import { PaymentNoticesService } from './payment-notices.service';

/**
 * The cabinet's notifications, their delivery by e-mail and SMS (the outbox poller), and the
 * payment reminders and overdue notices (a scheduled job).
 */
@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationDeliveryService,
    NotificationDeliveryScheduler,
    PaymentNoticesService,
    PaymentNoticesScheduler,
  ],
  exports: [NotificationDeliveryService, PaymentNoticesService],
})
export class NotificationsModule {}
