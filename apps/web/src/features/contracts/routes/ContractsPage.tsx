import {
  Anchor,
  Badge,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { CONTRACT_STATE_FILTERS, type ContractStateFilter } from '@kabinet/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDate, formatMoney, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useCompactLayout } from '../../../lib/use-compact';
import { useMe } from '../../auth';
import { PAGE_SIZE, useContracts, type ContractSummary } from '../api/list-contracts';
import { ContractStatus } from '../components/ContractStatus';

const DEFAULT_STATE: ContractStateFilter = 'all';

function readState(value: string | null): ContractStateFilter {
  return CONTRACT_STATE_FILTERS.find((s) => s === value) ?? DEFAULT_STATE;
}

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** One contract as a card (narrow screens); the whole card is a link. */
function ContractCard({ c, isStaff }: { c: ContractSummary; isStaff: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <Card component={Link} to={paths.contract(c.id)} withBorder padding="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Group gap="xs">
            <Text fw={600}>{c.number}</Text>
            <ChangedBadge changed={c.changed} />
          </Group>
          <Text size="sm" c="dimmed">
            {formatDate(c.date, locale)} · {t(`contracts.kinds.${c.kind}`)}
          </Text>
          {isStaff && <Text size="sm">{c.customerName}</Text>}
          {isStaff && c.managerName && (
            <Text size="sm" c="dimmed">
              {t('contracts.manager')}: {c.managerName}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
            {formatMoney(c.total, c.currency, locale)}
          </Text>
          {c.balanceDue !== '0.00' && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('contract.balanceDue')}: {formatMoney(c.balanceDue, c.currency, locale)}
            </Text>
          )}
          <ContractStatus status={c.status} closed={c.closed} />
        </Stack>
      </Group>
    </Card>
  );
}

/** "Changed since your last visit" (customers only; the API says false for staff). */
function ChangedBadge({ changed }: { changed: boolean }) {
  const { t } = useTranslation();
  if (!changed) return null;
  return (
    <Badge size="sm" variant="filled" color="orange" data-testid="contract-changed">
      {t('contract.changed')}
    </Badge>
  );
}

function ContractsTable({ items, isStaff }: { items: ContractSummary[]; isStaff: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  return (
    <Table highlightOnHover verticalSpacing="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('contracts.number')}</Table.Th>
          <Table.Th>{t('contracts.date')}</Table.Th>
          {isStaff && <Table.Th>{t('contracts.customer')}</Table.Th>}
          <Table.Th>{t('contracts.kind')}</Table.Th>
          <Table.Th>{t('contracts.status')}</Table.Th>
          {isStaff && <Table.Th>{t('contracts.manager')}</Table.Th>}
          <Table.Th ta="right">{t('contracts.total')}</Table.Th>
          <Table.Th ta="right">{t('contract.balanceDue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr
            key={c.id}
            onClick={(e) => {
              // A click on the number's link navigates by itself.
              if (!(e.target as HTMLElement).closest('a')) void navigate(paths.contract(c.id));
            }}
            style={{ cursor: 'pointer' }}
          >
            <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }}>
              {/* The number is the keyboard's (and middle-click's) way in; the row the mouse's. */}
              <Anchor component={Link} to={paths.contract(c.id)} c="inherit" inherit>
                {c.number}
              </Anchor>{' '}
              <ChangedBadge changed={c.changed} />
            </Table.Td>
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
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(c.balanceDue, c.currency, locale)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ContractsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readState(params.get('state'));
  const page = readPage(params.get('page'));
  const compact = useCompactLayout();
  const isStaff = useMe().data?.kind === 'staff';
  const contracts = useContracts({ state, page });
  const setQuery = (next: { state: ContractStateFilter; page: number }) => {
    const p = new URLSearchParams(params);
    p.set('state', next.state);
    if (next.page > 1) p.set('page', String(next.page));
    else p.delete('page');
    setParams(p);
  };
  const items = contracts.data?.items ?? [];
  const total = contracts.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  // An old link to a page that no longer exists: back to the first one.
  const beyondLastPage =
    contracts.isSuccess && !contracts.isPlaceholderData && page > pages && items.length === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {t('contracts.title')}
        </Title>
        <SegmentedControl
          value={state}
          onChange={(v) => setQuery({ state: readState(v), page: 1 })}
          aria-label={t('contracts.filter')}
          data={CONTRACT_STATE_FILTERS.map((s) => ({ value: s, label: t(`contracts.state.${s}`) }))}
        />
      </Group>
      {beyondLastPage ? (
        <Navigate to={{ search: `?state=${state}` }} replace />
      ) : contracts.isPending ? (
        <PageLoader />
      ) : contracts.isError && !contracts.data ? (
        <ErrorAlert error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : (
        <div data-testid="contracts-list" aria-busy={contracts.isPlaceholderData}>
          {items.length === 0 ? (
            <Text c="dimmed" py="xl" ta="center">
              {t(state === 'all' ? 'contracts.empty' : 'contracts.emptyFiltered')}
            </Text>
          ) : compact ? (
            <Stack gap="sm">
              {items.map((c) => (
                <ContractCard key={c.id} c={c} isStaff={isStaff} />
              ))}
            </Stack>
          ) : (
            <ContractsTable items={items} isStaff={isStaff} />
          )}
        </div>
      )}
      {pages > 1 && (
        <Stack align="center" gap={4}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={(p) => setQuery({ state, page: p })}
            siblings={compact ? 0 : 1}
          />
          <Text size="xs" c="dimmed">
            {t('contracts.count', { count: total })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
