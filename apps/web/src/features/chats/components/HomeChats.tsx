import { Anchor, Divider, Skeleton, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SectionCard } from '../../../components/SectionCard';
import { paths } from '../../../lib/paths';
import { useChats } from '../api/chats';
import { ChatSummary } from './ChatPreview';

/** The home page's "Чаты": how many messages are unread and the latest chats. */
export function HomeChats({ limit = 3 }: { limit?: number }) {
  const { t } = useTranslation();
  const list = useChats({ page: 1, pageSize: limit });
  const total = list.data?.totalUnread ?? 0;
  const items = list.data?.items ?? [];
  return (
    <SectionCard
      fill
      title={t('chats.title')}
      icon={<IconMessages size={20} aria-hidden />}
      testId="home-chats"
      action={
        <Anchor component={Link} to={paths.chats} size="sm">
          {t('chats.home.all')}
        </Anchor>
      }
    >
      {list.isPending ? (
        <Skeleton h={80} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="xs">
          <Text
            size="sm"
            fw={total > 0 ? 600 : undefined}
            c={total > 0 ? undefined : 'dimmed'}
            data-testid="home-chats-unread"
          >
            {total > 0 ? t('chats.home.unread', { count: total }) : t('chats.home.none')}
          </Text>
          {items.length === 0 ? (
            <Text c="dimmed">{t('chats.empty')}</Text>
          ) : (
            items.map((c, i) => (
              <Stack key={c.id} gap={0}>
                {i > 0 && <Divider />}
                <UnstyledButton
                  component={Link}
                  to={paths.chat(c.id)}
                  py={6}
                  data-testid="home-chat"
                >
                  <ChatSummary item={c} />
                </UnstyledButton>
              </Stack>
            ))
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
