import { Badge, Card, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDateTime, localeOf } from '../../../lib/format';
import { useCompactLayout } from '../../../lib/use-compact';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { exportsQuery } from '../api/list-exports';

export function Exports() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const compact = useCompactLayout();
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
      {compact ? (
        items.map((f) => (
          <Card key={f.id} withBorder radius="sm" padding="sm">
            <Group justify="space-between">
              <Text fw={600}>{f.name}</Text>
              {status(f.status)}
            </Group>
            <Text size="sm" c="dimmed">
              {t('exchange.changes', { count: f.changeCount })} ·{' '}
              {formatDateTime(f.writtenAt ?? f.createdAt, locale)}
            </Text>
          </Card>
        ))
      ) : (
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.exportFile')}</Table.Th>
              <Table.Th ta="right">{t('exchange.changeCount')}</Table.Th>
              <Table.Th>{t('exchange.status')}</Table.Th>
              <Table.Th>{t('exchange.createdAt')}</Table.Th>
              <Table.Th>{t('exchange.writtenAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.name}</Table.Td>
                <Table.Td ta="right">{f.changeCount}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{status(f.status)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(f.createdAt, locale)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {f.writtenAt ? formatDateTime(f.writtenAt, locale) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
    </Stack>
  );
}
