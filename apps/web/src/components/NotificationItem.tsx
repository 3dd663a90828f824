import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { Schemas } from '@kabinet/api-client';
import {
  formatChatNumber,
  isChatNotification,
  NOTIFICATION_CONTRACT_TABS,
  showMoney,
} from '@kabinet/shared';
import { IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, localeOf } from '../lib/format';
import { paths } from '../lib/paths';

export type Notification = Schemas['NotificationDto'];

const str = (v: string | number | null | undefined) =>
  v === null || v === undefined ? '' : String(v);

/**
 * Where a notification leads: its chat, its contract on the tab it is about (payments, schedule)
 * or the overview, the profile for an answer to a request; the e-mails link to the same places.
 */
export function notificationTarget(n: Notification): string {
  if (isChatNotification(n.kind)) {
    const chatId = n.chatId ?? n.params.chatId;
    return chatId ? paths.chat(chatId) : paths.notifications;
  }
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
    const chatNumber = Number(p.chatNumber);
    const chatName =
      Number.isInteger(chatNumber) && chatNumber > 0 ? formatChatNumber(chatNumber) : '';
    const chat = p.contractNumber
      ? t('notification.chatAbout', { chat: chatName, number: str(p.contractNumber) })
      : [chatName, p.chatTitle ? `«${p.chatTitle}»` : ''].filter(Boolean).join(' ');
    switch (n.kind) {
      case 'chat_message': {
        const count = Number(p.count) || 1;
        return count > 1
          ? t('notification.chat_messages', { chat, n: count })
          : t('notification.chat_message', { chat });
      }
      case 'approval_requested':
        return p.deadline
          ? t('notification.approval_requested_until', {
              chat,
              date: formatDate(str(p.deadline), locale),
            })
          : t('notification.approval_requested', { chat });
      case 'approval_decided':
        return t(
          p.decision === 'approved'
            ? 'notification.approval_approved'
            : 'notification.approval_rejected',
          { chat },
        );
      case 'approval_revoked':
        return t('notification.approval_revoked', { chat });
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

/** What a chat's notification adds below its line: who wrote what (the latest), or why. */
export function useNotificationDetail() {
  const { t } = useTranslation();
  return (n: Notification): string | null => {
    const p = n.params;
    const author = str(p.actor);
    switch (n.kind) {
      case 'chat_message': {
        const files = Number(p.attachments) || 0;
        if (p.preview) return t('notification.chatSaid', { author, text: str(p.preview) });
        return files > 0 ? t('notification.chatFiles', { author, n: files }) : null;
      }
      case 'approval_decided':
      case 'approval_revoked':
        return p.reason ? t('notification.reason', { reason: str(p.reason) }) : null;
      case 'contract_added':
      case 'contract_status':
      case 'payment_received':
      case 'schedule_changed':
      case 'profile_request':
      case 'payment_reminder':
      case 'payment_overdue':
      case 'approval_requested':
        return null;
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
  compact = false,
}: {
  n: Notification;
  onOpen?: (n: Notification) => void;
  /** A block of a page (Home): smaller text, at most two lines, no detail. */
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const text = useNotificationText();
  const detail = useNotificationDetail()(n);
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
            <Text
              fw={n.read ? 400 : 600}
              size={compact ? 'sm' : undefined}
              lineClamp={compact ? 2 : undefined}
              style={{ overflowWrap: 'anywhere' }}
            >
              {text(n)}
            </Text>
            {!n.read && (
              <Badge size="xs" variant="light" color="blue" style={{ flexShrink: 0 }}>
                {t('notification.new')}
              </Badge>
            )}
          </Group>
          {detail && !compact && (
            <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {detail}
            </Text>
          )}
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
