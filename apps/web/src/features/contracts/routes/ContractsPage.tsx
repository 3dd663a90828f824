import {
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { CONTRACT_STATE_FILTERS, type ContractStateFilter } from '@kabinet/shared';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDate, formatMoney, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useMe } from '../../auth';
import { PAGE_SIZE, useContracts, type ContractSummary } from '../api/list-contracts';
import { ContractStatus } from '../components/ContractStatus';

function readState(value: string | null): ContractStateFilter {
  return (CONTRACT_STATE_FILTERS as readonly string[]).includes(value ?? '')
    ? (value as ContractStateFilter)
    : 'all';
}

export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = readState(params.get('state'));
  const page = Math.max(1, Number(params.get('page')) || 1);
  const phone = useMediaQuery('(max-width: 48em)');
  const me = useMe();
  const isStaff = me.data?.kind === 'staff';
  const contracts = useContracts({ state, page });
  const open = (c: ContractSummary) => void navigate(paths.contract(c.id));
  const setQuery = (next: { state?: ContractStateFilter; page?: number }) => {
    const p = new URLSearchParams(params);
    if (next.state) p.set('state', next.state);
    p.set('page', String(next.page ?? 1));
    setParams(p);
  };
  const items = contracts.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((contracts.data?.total ?? 0) / PAGE_SIZE));

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          {t('contracts.title')}
        </Title>
        <SegmentedControl
          value={state}
          onChange={(v) => setQuery({ state: v as ContractStateFilter })}
          data={CONTRACT_STATE_FILTERS.map((s) => ({ value: s, label: t(`contracts.state.${s}`) }))}
        />
      </Group>
      <ErrorAlert error={contracts.error} />
      {contracts.isPending ? (
        <PageLoader />
      ) : (
        <div data-testid="contracts-list">
          {items.length === 0 ? (
            <Text c="dimmed" py="xl" ta="center">
              {t('contracts.empty')}
            </Text>
          ) : phone ? (
            <Stack gap="sm">
              {items.map((c) => (
                <UnstyledButton key={c.id} onClick={() => open(c)} aria-label={c.number}>
                  <Card withBorder padding="sm" radius="md">
                    <Group justify="space-between" align="flex-start" wrap="nowrap">
                      <Stack gap={2}>
                        <Text fw={600}>{c.number}</Text>
                        <Text size="sm" c="dimmed">
                          {formatDate(c.date, locale)} · {t(`contracts.kinds.${c.kind}`)}
                        </Text>
                        {isStaff && <Text size="sm">{c.customerName}</Text>}
                      </Stack>
                      <Stack gap={4} align="flex-end">
                        <Text fw={600}>{formatMoney(c.total, c.currency, locale)}</Text>
                        <ContractStatus status={c.status} closed={c.closed} />
                      </Stack>
                    </Group>
                  </Card>
                </UnstyledButton>
              ))}
            </Stack>
          ) : (
            <Table highlightOnHover verticalSpacing="sm" striped={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('contracts.number')}</Table.Th>
                  <Table.Th>{t('contracts.date')}</Table.Th>
                  {isStaff && <Table.Th>{t('contracts.customer')}</Table.Th>}
                  <Table.Th>{t('contracts.kind')}</Table.Th>
                  <Table.Th>{t('contracts.status')}</Table.Th>
                  {isStaff && <Table.Th>{t('contracts.manager')}</Table.Th>}
                  <Table.Th ta="right">{t('contracts.total')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id} onClick={() => open(c)} style={{ cursor: 'pointer' }}>
                    <Table.Td fw={600}>{c.number}</Table.Td>
                    <Table.Td>{formatDate(c.date, locale)}</Table.Td>
                    {isStaff && <Table.Td>{c.customerName}</Table.Td>}
                    <Table.Td>{t(`contracts.kinds.${c.kind}`)}</Table.Td>
                    <Table.Td>
                      <ContractStatus status={c.status} closed={c.closed} />
                    </Table.Td>
                    {isStaff && <Table.Td>{c.managerName ?? '—'}</Table.Td>}
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(c.total, c.currency, locale)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </div>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination total={pages} value={page} onChange={(p) => setQuery({ state, page: p })} />
        </Group>
      )}
    </Stack>
  );
}
