import {
  Button,
  Card,
  Divider,
  Group,
  Pagination,
  Stack,
  Switch,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotificationItem, type Notification } from '../../../components/NotificationItem';
import { PageLoader } from '../../../components/PageLoader';
import { paths } from '../../../lib/paths';
import { useCompactLayout } from '../../../lib/use-compact';
import { useMe } from '../../auth';
import { useMarkRead, useNotifications } from '../api/notifications';

const PAGE_SIZE = 20;

/** Where a notification leads: its contract (its notifications tab) or my profile. */
function targetOf(n: Notification): string | null {
  if (n.contractId) return `${paths.contract(n.contractId)}?tab=notifications`;
  if (n.kind === 'profile_request') return paths.profile;
  return null;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unread = params.get('unread') === '1';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const compact = useCompactLayout();
  const readOnly = Boolean(useMe().data?.viewAs);
  const list = useNotifications({ unread, page, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const set = (next: { unread?: boolean; page?: number }) => {
    const p = new URLSearchParams();
    if (next.unread ?? unread) p.set('unread', '1');
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1} size="h2">
          {t('notifications.title')}
        </Title>
        <Group gap="md">
          <Switch
            checked={unread}
            onChange={(e) => set({ unread: e.currentTarget.checked })}
            label={t('notifications.unreadOnly')}
            data-testid="notifications-unread-only"
          />
          {!readOnly && (list.data?.unread ?? 0) > 0 && (
            <Button
              variant="light"
              size="sm"
              leftSection={<IconChecks size={16} />}
              loading={markRead.isPending}
              onClick={() => markRead.mutate(undefined)}
              data-testid="notifications-mark-all"
            >
              {t('notifications.markAll')}
            </Button>
          )}
        </Group>
      </Group>
      {markRead.isError && <ErrorAlert error={markRead.error} />}
      {list.isPending ? (
        <PageLoader />
      ) : list.isError && !list.data ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t(unread ? 'notifications.emptyUnread' : 'notifications.empty')}
        </Text>
      ) : (
        <Card
          withBorder
          radius="md"
          padding={compact ? 'sm' : 'md'}
          data-testid="notifications-list"
        >
          <Stack gap="sm">
            {items.map((n, i) => {
              const to = targetOf(n);
              const open = () => {
                if (!n.read && !readOnly) markRead.mutate([n.id]);
              };
              return (
                <Stack key={n.id} gap="sm">
                  {i > 0 && <Divider />}
                  {to ? (
                    <UnstyledButton component={Link} to={to} onClick={open}>
                      <NotificationItem n={n} />
                    </UnstyledButton>
                  ) : (
                    <NotificationItem n={n} />
                  )}
                </Stack>
              );
            })}
          </Stack>
        </Card>
      )}
      {total > 0 && (
        <Stack align="center" gap={4}>
          {pages > 1 && (
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={(p) => set({ page: p })}
              siblings={compact ? 0 : 1}
            />
          )}
          <Text size="xs" c="dimmed">
            {t('notifications.count', { count: total })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
