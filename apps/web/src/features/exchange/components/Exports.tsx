import { Badge, Card, Group, Pagination, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDateTime, localeOf } from '../../../lib/format';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { exportsQuery } from '../api/list-exports';

export function Exports() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const paged = usePagedQuery(exportsQuery, { keepPageIn: 'state' });
  const { query: exports, items, page, setPage, pages } = paged;
  if (exports.isPending) return <PageLoader />;
  if (exports.isError)
    return <ErrorAlert error={exports.error} onRetry={() => void exports.refetch()} />;
  if (!items.length) return <Text c="dimmed">{t('exchange.noExports')}</Text>;
  const status = (s: 'pending' | 'written') => (
    <Badge color={s === 'written' ? 'green' : 'blue'} variant="light">
      {t(`exchange.exportStatus.${s}`)}
    </Badge>
  );
  return (
    <Stack gap="md">
      <ResponsiveList
        items={items}
        itemKey={(f) => f.id}
        cardsGap="md"
        table={{ withTableBorder: true, verticalSpacing: 'xs' }}
        card={(f) => (
          <Card withBorder radius="sm" padding="sm">
            <Group justify="space-between">
              <Text fw={600}>{f.name}</Text>
              {status(f.status)}
            </Group>
            <Text size="sm" c="dimmed">
              {t('exchange.changes', { count: f.changeCount })} ·{' '}
              {formatDateTime(f.writtenAt ?? f.createdAt, locale)}
            </Text>
          </Card>
        )}
        columns={[
          { key: 'name', head: t('exchange.exportFile'), cell: (f) => f.name },
          {
            key: 'changes',
            head: t('exchange.changeCount'),
            align: 'right',
            cell: (f) => f.changeCount,
          },
          {
            key: 'status',
            head: t('exchange.status'),
            nowrap: true,
            cell: (f) => status(f.status),
          },
          {
            key: 'created',
            head: t('exchange.createdAt'),
            nowrap: true,
            cell: (f) => formatDateTime(f.createdAt, locale),
          },
          {
            key: 'written',
            head: t('exchange.writtenAt'),
            nowrap: true,
            cell: (f) => (f.writtenAt ? formatDateTime(f.writtenAt, locale) : '—'),
          },
        ]}
      />
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
    </Stack>
  );
}
