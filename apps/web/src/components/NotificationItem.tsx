import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Schemas } from '@kabinet/api-client';
import { NOTIFICATION_CONTRACT_TABS, showMoney } from '@kabinet/shared';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, localeOf } from '../lib/format';
import { paths } from '../lib/paths';

export type Notification = Schemas['NotificationDto'];

const str = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

/**
 * Where a notification leads: its contract on the tab it is about (payments, schedule) or the
 * overview, the profile for an answer to a request; the e-mails link to the same places.
 */
export function notificationTarget(n: Notification): string {
  if (n.kind === 'profile_request') return paths.profile;
  if (!n.contractId) return paths.notifications;
  const tab = NOTIFICATION_CONTRACT_TABS[n.kind];
  return tab ? `${paths.contract(n.contractId)}?tab=${tab}` : paths.contract(n.contractId);
}

/** A notification's text in the reader's language, from its kind and facts. */
export function useNotificationText() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (n: Notification): string => {
    const p = n.params;
    const money = () => showMoney(str(p.amount), str(p.currency) || 'RUB', locale);
    switch (n.kind) {
      case 'contract_added':
        return t('notification.contract_added', { number: str(p.number) });
      case 'contract_status':
        return t('notification.contract_status', { number: str(p.number), status: str(p.status) });
      case 'payment_received':
        return t('notification.payment_received', { number: str(p.number), amount: money() });
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
      case 'payment_reminder':
      case 'payment_overdue':
        return t(`notification.${n.kind}`, {
          number: str(p.number),
          amount: money(),
          date: formatDate(str(p.dueDate), locale),
        });
    }
  };
}

/**
 * One notification: text, time and a "new" mark while unread; the whole item is a link to what
 * it is about (`onOpen` runs as it is followed, e.g. to mark it read).
 */
export function NotificationItem({
  n,
  onOpen,
}: {
  n: Notification;
  onOpen?: (n: Notification) => void;
}) {
  const { t, i18n } = useTranslation();
  const text = useNotificationText();
  return (
    <UnstyledButton
      component={Link}
      to={notificationTarget(n)}
      onClick={() => onOpen?.(n)}
      data-testid="notification"
      data-unread={!n.read || undefined}
      display="block"
      w="100%"
      style={{ borderRadius: 'var(--mantine-radius-sm)' }}
    >
      <Group gap="xs" wrap="nowrap" justify="space-between" align="center">
        <Stack gap={2} miw={0}>
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
        <IconChevronRight
          size={18}
          aria-hidden
          style={{ flexShrink: 0, color: 'var(--mantine-color-dimmed)' }}
        />
      </Group>
    </UnstyledButton>
  );
}
