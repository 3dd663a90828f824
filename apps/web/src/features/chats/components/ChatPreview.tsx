import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localeOf } from '../../../lib/format';
import type { ChatListItem } from '../api/chats';
import { systemText } from '../system-text';

/** «Соколова Анна Викторовна» → «Соколова А. В.»: a person's name where a line is short. */
export function shortName(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  // Surname, name, patronymic: three capitalised words (not «ИП …», not a company's name).
  const word = /^\p{Lu}\p{Ll}+(-\p{Lu}?\p{Ll}+)*$/u;
  if (parts.length !== 3 || !parts.every((p) => word.test(p))) return fullName;
  return `${parts[0]} ${parts[1]![0]}. ${parts[2]![0]}.`;
}

/**
 * The latest message of a chat in one or two lines: who wrote what (files counted); in one line
 * the author goes by surname and initials, so the text still shows.
 */
export function LastMessage({ item, lineClamp = 2 }: { item: ChatListItem; lineClamp?: number }) {
  const { t } = useTranslation();
  const m = item.lastMessage;
  if (!m) {
    return (
      <Text size="sm" c="dimmed">
        {t('chats.noMessages')}
      </Text>
    );
  }
  if (m.kind === 'system') {
    return (
      <Text size="sm" c="dimmed" fs="italic" lineClamp={lineClamp}>
        {systemText(t, m.system)}
      </Text>
    );
  }
  return (
    <Text size="sm" lineClamp={lineClamp} className="user-text" data-testid="chat-last-message">
      {m.authorName && (
        <Text span fw={600} size="sm">
          {lineClamp === 1 ? shortName(m.authorName) : m.authorName}:{' '}
        </Text>
      )}
      {m.preview}
      {m.attachments > 0 && (
        <Text span c="dimmed" size="sm">
          {' '}
          <IconPaperclip size={12} aria-hidden /> {t('chats.attachments', { count: m.attachments })}
        </Text>
      )}
    </Text>
  );
}

export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge
      color="red"
      size="md"
      circle={count < 10}
      aria-label={t('chats.unread', { count })}
      data-testid="chat-unread"
    >
      {count > 99 ? '99+' : count}
    </Badge>
  );
}

export function WaitingBadge({ item, isStaff }: { item: ChatListItem; isStaff: boolean }) {
  const { t } = useTranslation();
  if (!isStaff || !item.waitingForUs) return null;
  return (
    <Badge color="orange" variant="light" size="sm" data-testid="chat-waiting">
      {t('chats.waiting')}
    </Badge>
  );
}

export function ChatTitle({ item }: { item: ChatListItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
        {item.number}
      </Text>
      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {item.contract
          ? t('chats.contractNumber', { number: item.contract.number })
          : (item.title ?? t('chats.general'))}
      </Text>
    </Group>
  );
}

/**
 * A chat in a short list (home, a contract's chats): number and contract, the latest message in
 * a line, and on the right its time and my unread count; `below` adds a line under the message.
 */
export function ChatSummary({ item, below }: { item: ChatListItem; below?: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <ChatTitle item={item} />
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {formatDateTime(item.lastActivityAt, localeOf(i18n.language))}
        </Text>
      </Group>
      {/* The message line has the card's whole width, the unread count at its end. */}
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Box miw={0} style={{ flex: 1 }}>
          <LastMessage item={item} lineClamp={1} />
        </Box>
        <UnreadBadge count={item.unread} />
      </Group>
      {below}
    </Stack>
  );
}
