import { Button, Card, Divider, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotificationItem, type Notification } from '../../../components/NotificationItem';
import { ListPager } from '../../../components/ListPager';
import { PageLoader } from '../../../components/PageLoader';
import { useCompactLayout } from '../../../lib/use-compact';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { useUrlParams } from '../../../lib/use-url-params';
import { useMe } from '../../me';
import { notificationsQuery } from '../api/list-notifications';
import { useMarkRead } from '../api/mark-read';

const PAGE_SIZE = 20;

export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlParams();
  const unread = params.get('unread') === '1';
  const compact = useCompactLayout();
  const me = useMe().data;
  const readOnly = Boolean(me?.viewAs);
  // Staff read their own list (their chats' news); a customer (or staff viewing as one), theirs.
  const scope = me?.kind === 'staff' ? 'staff' : 'customer';
  const paged = usePagedQuery((page) =>
    notificationsQuery({ unread, page, pageSize: PAGE_SIZE, scope }),
  );
  const { query: list, items, total, page, setPage } = paged;
  const markRead = useMarkRead(scope);
  /** Following a notification marks it read (not in view-as mode, which changes nothing). */
  const open = (n: Notification) => {
    if (!n.read && !readOnly) markRead.mutate([n.id]);
  };
  /** Changes the filter; a new filter starts from its first page. */
  const setUnread = (next: boolean) =>
    updateParams((p) => {
      if (next) p.set('unread', '1');
      else p.delete('unread');
      p.delete('page');
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1} size="h2">
          {t('notifications.title')}
        </Title>
        <Group gap="md">
          <Switch
            checked={unread}
            onChange={(e) => setUnread(e.currentTarget.checked)}
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
            {items.map((n, i) => (
              <Stack key={n.id} gap="sm">
                {i > 0 && <Divider />}
                <NotificationItem n={n} onOpen={open} />
              </Stack>
            ))}
          </Stack>
        </Card>
      )}
      <ListPager
        page={page}
        total={total}
        pageSize={PAGE_SIZE}
        onChange={setPage}
        label={t('notifications.count', { count: total })}
      />
    </Stack>
  );
}
