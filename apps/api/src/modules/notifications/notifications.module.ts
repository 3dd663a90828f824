import { Module } from '@nestjs/common';
import { NotificationDeliveryScheduler } from './delivery.scheduler';
import { NotificationDeliveryService } from './delivery.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The cabinet's notifications, and their delivery by e-mail and SMS (the outbox poller). */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationDeliveryService, NotificationDeliveryScheduler],
  exports: [NotificationDeliveryService],
})
export class NotificationsModule {}
