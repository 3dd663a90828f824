import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Schemas } from '@kabinet/api-client';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatMoney, localeOf } from '../lib/format';

export type Notification = Schemas['NotificationDto'];

const str = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

/** A notification's text in the reader's language, from its kind and facts. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (n: Notification): string => {
    const p = n.params;
    switch (n.kind) {
      case 'contract_added':
        return t('notification.contract_added', { number: str(p.number) });
      case 'contract_status':
        return t('notification.contract_status', { number: str(p.number), status: str(p.status) });
      case 'payment_received':
        return t('notification.payment_received', {
          number: str(p.number),
          amount: formatMoney(str(p.amount), str(p.currency) || 'RUB', locale),
        });
      case 'schedule_changed':
        return t('notification.schedule_changed', { number: str(p.number) });
      case 'profile_request': {
        const field = t(
          p.field === 'phone' ? 'notification.fields.phone' : 'notification.fields.email',
        );
        const text = t(
          p.status === 'done'
            ? 'notification.profile_request_done'
            : 'notification.profile_request_rejected',
          { field },
        );
        return p.resolution ? `${text}: ${str(p.resolution)}` : text;
      }
    }
  };
}

/** One notification: text, time, and a "new" mark while unread. */
export function NotificationItem({ n }: { n: Notification }) {
  const { t, i18n } = useTranslation();
  const text = useNotificationText();
  return (
    <Stack gap={2} data-testid="notification">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Text fw={n.read ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
          {text(n)}
        </Text>
        {!n.read && (
          <Badge size="xs" variant="light" color="blue" style={{ flexShrink: 0 }}>
            {t('notification.new')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(n.createdAt, localeOf(i18n.language))}
      </Text>
    </Stack>
  );
}
