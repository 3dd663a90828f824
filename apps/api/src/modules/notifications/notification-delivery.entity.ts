import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@kabinet/shared';
import { TimestampColumn } from '../../common/columns';
import { Notification } from './notification.entity';
import { StaffNotice } from './staff-notice.entity';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
/**
 * `pending`: to be sent (again); `sent`: the SMTP server or SMS gateway accepted it; `failed`:
 * given up after the last attempt or refused for good; `skipped`: the channel is not set up here
 * (no SMTP), so it was never sent. `last_error` says why for the last three.
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The outbox of e-mails and SMS: one row per notification and channel the recipient wanted it on
 * when it was made, written in the same transaction as the notification (see
 * `NotificationsRepository.create`), to the address 1C had then; or one e-mail per staff notice. The
 * delivery poller claims due rows. A chat's new messages are due only after the quiet period and
 * are checked again when due (still unread?): see `NotificationDeliveryService`.
 */
@Entity('notification_deliveries')
// One pending row per notification and channel; a chat's collapsed notification gets a new one
// for news after an earlier one went (at most hourly).
@Index('notification_deliveries_pending_uq', ['notificationId', 'channel'], {
  unique: true,
  where: "status = 'pending'",
})
@Index('notification_deliveries_due_idx', ['nextAttemptAt'], { where: "status = 'pending'" })
@Check('notification_deliveries_channel_ck', `channel IN (${list(NOTIFICATION_CHANNELS)})`)
@Check('notification_deliveries_status_ck', `status IN (${list(DELIVERY_STATUSES)})`)
@Index('notification_deliveries_staff_notice_channel_uq', ['staffNoticeId', 'channel'], {
  unique: true,
})
@Check(
  'notification_deliveries_one_source_ck',
  'num_nonnulls(notification_id, staff_notice_id) = 1',
)
export class NotificationDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The customer's notification it delivers; or else `staffNoticeId`. */
  @Column({ type: 'uuid', nullable: true })
  notificationId: string | null;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id' })
  notification?: Notification;

  /** The staff notice it delivers (by e-mail); or else `notificationId`. */
  @Column({ type: 'uuid', nullable: true })
  staffNoticeId: string | null;

  @ManyToOne(() => StaffNotice, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_notice_id' })
  staffNotice?: StaffNotice;

  @Column({ type: 'varchar', length: 10 })
  channel: NotificationChannel;

  /** The e-mail address or the phone (E.164) it goes to. */
  @Column({ type: 'varchar', length: 320 })
  address: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: DeliveryStatus;

  /** Attempts made so far (counted when a poller claims the row, so a crash counts too). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /**
   * Pending: not before this time (a retry's backoff, or the lease of the poller sending it right
   * now); null means at once.
   */
  @TimestampColumn({ nullable: true })
  nextAttemptAt: Date | null;

  @TimestampColumn({ nullable: true })
  sentAt: Date | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;
}
