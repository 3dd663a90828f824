import type { Db } from '../../database/sql';
import { NotificationsRepository, type NewNotification } from './notifications.repository';

export type { NewNotification };

/**
 * Makes notifications (and their deliveries) in the transaction `tx` of the change they tell
 * about: `NotificationsRepository.create`.
 *
 * TRANSITIONAL: for the importer and change requests until they append domain events instead
 * (the notifications consumer then makes these notifications); remove it with its last caller.
 */
export async function createNotifications(
  tx: Db,
  items: readonly NewNotification[],
): Promise<void> {
  await new NotificationsRepository(tx).create(items);
}
