import { Anchor, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListPager } from '../../../components/ListPager';
import { PageLoader } from '../../../components/PageLoader';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { SearchBox } from '../../../components/SearchBox';
import { formatDate, formatDateTime, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { useUrlParams } from '../../../lib/use-url-params';
import { useMe } from '../../me';
import {
  CHAT_FILTERS,
  CHATS_PAGE_SIZE,
  listChatsQuery,
  type ChatFilter,
  type ChatListItem,
} from '../api/chats';
import { ChatTitle, LastMessage, UnreadBadge, WaitingBadge } from '../components/ChatPreview';

function withoutPage(params: URLSearchParams): string {
  const rest = new URLSearchParams(params);
  rest.delete('page');
  const search = rest.toString();
  return search ? `?${search}` : '';
}

/** One chat as a card (narrow screens): the whole card opens it. */
function ChatCard({ c, isStaff }: { c: ChatListItem; isStaff: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <Card
      component={Link}
      to={paths.chat(c.id)}
      withBorder
      padding="sm"
      radius="md"
      data-testid="chat-item"
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={2} miw={0}>
          <ChatTitle item={c} />
          {isStaff && <Text size="sm">{c.customer.name}</Text>}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(c.lastActivityAt, locale)}
          </Text>
          <UnreadBadge count={c.unread} />
        </Stack>
      </Group>
      <Stack gap={4} mt={6}>
        <LastMessage item={c} />
        <Group gap="xs" justify="space-between">
          <Text size="xs" c="dimmed">
            {t('chats.createdAt', { date: formatDate(c.createdAt, locale) })}
          </Text>
          <WaitingBadge item={c} isStaff={isStaff} />
        </Group>
      </Stack>
    </Card>
  );
}

function ChatsList({ items, isStaff }: { items: ChatListItem[]; isStaff: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  return (
    <ResponsiveList
      items={items}
      itemKey={(c) => c.id}
      itemTestId="chat-item"
      table={{ highlightOnHover: true, verticalSpacing: 'sm' }}
      card={(c) => <ChatCard c={c} isStaff={isStaff} />}
      row={(c) => ({
        onClick: (e) => {
          if (!(e.target as HTMLElement).closest('a')) void navigate(paths.chat(c.id));
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        {
          key: 'number',
          head: t('chats.number'),
          fw: 600,
          nowrap: true,
          cell: (c) => (
            <Anchor component={Link} to={paths.chat(c.id)} c="inherit" inherit>
              {c.number}
            </Anchor>
          ),
        },
        {
          key: 'contract',
          head: t('chats.contract'),
          nowrap: true,
          cell: (c) => c.contract?.number ?? c.title ?? t('chats.general'),
        },
        {
          key: 'customer',
          head: t('chats.customer'),
          hidden: !isStaff,
          minWidth: 140,
          cell: (c) => c.customer.name,
        },
        {
          key: 'last',
          head: t('chats.lastMessage'),
          minWidth: 260,
          cell: (c) => (
            <Stack gap={2}>
              <LastMessage item={c} lineClamp={1} />
              <WaitingBadge item={c} isStaff={isStaff} />
            </Stack>
          ),
        },
        {
          key: 'activity',
          head: t('chats.activity'),
          nowrap: true,
          cell: (c) => formatDateTime(c.lastActivityAt, locale),
        },
        {
          key: 'created',
          head: t('chats.created'),
          nowrap: true,
          cell: (c) => formatDate(c.createdAt, locale),
        },
        {
          key: 'unread',
          head: '',
          align: 'right',
          width: 48,
          cell: (c) => <UnreadBadge count={c.unread} />,
        },
      ]}
    />
  );
}

/** My chats by last activity; staff search them and pick mine / waiting for us / all. */
export function ChatsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const isStaff = me?.kind === 'staff';
  const filters = CHAT_FILTERS.filter(
    (f) => f !== 'all' || me?.permissions.includes('chat.readAll'),
  );
  const [params, updateParams] = useUrlParams();
  const q = isStaff ? (params.get('q') ?? '') : '';
  const requested = params.get('filter');
  const filter: ChatFilter | undefined = isStaff
    ? (filters.find((f) => f === requested) ?? 'mine')
    : undefined;
  const paged = usePagedQuery((page) => listChatsQuery({ q, filter, page }));
  const { query, items, total, page, setPage, beyondLastPage } = paged;
  const update = (next: Record<string, string | null>) =>
    updateParams((p) => {
      p.delete('page');
      for (const [key, value] of Object.entries(next)) {
        if (value) p.set(key, value);
        else p.delete(key);
      }
    });
  const filtered = q !== '' || (filter !== undefined && filter !== 'mine');

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {t('chats.title')}
        </Title>
        {isStaff && (
          <SegmentedControl
            value={filter}
            onChange={(v) => update({ filter: v === 'mine' ? null : v })}
            aria-label={t('chats.filter')}
            data={filters.map((f) => ({ value: f, label: t(`chats.filters.${f}`) }))}
            data-testid="chats-filter"
          />
        )}
      </Group>
      {isStaff && (
        <SearchBox
          value={q}
          onSearch={(v) => update({ q: v })}
          placeholder={t('chats.searchPlaceholder')}
          label={t('chats.search')}
          testId="chats-search"
        />
      )}
      {beyondLastPage ? (
        <Navigate to={{ search: withoutPage(params) }} replace />
      ) : query.isPending ? (
        <PageLoader />
      ) : query.isError && !query.data ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div data-testid="chats-list" aria-busy={query.isPlaceholderData}>
          {items.length === 0 ? (
            <Text c="dimmed" py="xl" ta="center">
              {t(filtered ? 'chats.emptyFiltered' : 'chats.empty')}
            </Text>
          ) : (
            <ChatsList items={items} isStaff={isStaff} />
          )}
        </div>
      )}
      <ListPager
        page={page}
        total={total}
        pageSize={CHATS_PAGE_SIZE}
        onChange={setPage}
        label={t('chats.count', { count: total })}
        testId="chats-count"
      />
    </Stack>
  );
}
