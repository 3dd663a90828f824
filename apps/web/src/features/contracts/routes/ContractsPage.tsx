import {
  Anchor,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import {
  CONTRACT_STATE_FILTERS,
  type ContractSort,
  type ContractStateFilter,
  type SortDirection,
  showMoney,
} from '@kabinet/shared';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListPager } from '../../../components/ListPager';
import { PageLoader } from '../../../components/PageLoader';
import { SearchBox } from '../../../components/SearchBox';
import { formatDate, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { useUrlParams } from '../../../lib/use-url-params';
import { useMe } from '../../me';
import { SharedMark } from '../../shares';
import {
  PAGE_SIZE,
  useContractFilters,
  listContractsQuery,
  type ContractSummary,
} from '../api/list-contracts';
import { ChangedBadge } from '../components/ChangedBadge';
import { ContractStatus } from '../components/ContractStatus';
import { DueNow } from '../components/DueNow';

const DEFAULT_STATE: ContractStateFilter = 'all';

/** The query with every parameter but `page`, as a `?…` search string (empty for none). */
function withoutPage(params: URLSearchParams): string {
  const rest = new URLSearchParams(params);
  rest.delete('page');
  const search = rest.toString();
  return search ? `?${search}` : '';
}

function readState(value: string | null): ContractStateFilter {
  return CONTRACT_STATE_FILTERS.find((s) => s === value) ?? DEFAULT_STATE;
}

/** The orders the list offers, as `sort.order` values of the `sort` URL parameter. */
const SORTS = [
  'date.desc',
  'date.asc',
  'number.asc',
  'total.desc',
  'balanceDue.desc',
  'overdue.desc',
] as const satisfies readonly `${ContractSort}.${SortDirection}`[];
type SortKey = (typeof SORTS)[number];
const DEFAULT_SORT: SortKey = 'date.desc';

function readSort(value: string | null): SortKey {
  return SORTS.find((s) => s === value) ?? DEFAULT_SORT;
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
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
            {showMoney(c.total, c.currency, locale)}
          </Text>
          {c.balanceDue !== '0.00' && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('contract.balanceDue')}: {showMoney(c.balanceDue, c.currency, locale)}
            </Text>
          )}
          <ContractStatus status={c.status} closed={c.closed} />
        </Stack>
      </Group>
      {/* People's names across the card, not squeezed beside the amounts. */}
      {isStaff && (
        <Stack gap={0} mt={4}>
          <Text size="sm">{c.customerName}</Text>
          {c.managerName && (
            <Text size="sm" c="dimmed">
              {t('contracts.manager')}: {c.managerName}
            </Text>
          )}
        </Stack>
      )}
      {/* Whose it is, when someone shared it with me: across the card too. */}
      <SharedMark c={c} />
      {/* Its own line across the card: a phone has no room for it beside the number. */}
      <DueNow c={c} />
    </Card>
  );
}

function ContractsList({ items, isStaff }: { items: ContractSummary[]; isStaff: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const navigate = useNavigate();
  return (
    <ResponsiveList
      items={items}
      itemKey={(c) => c.id}
      table={{ highlightOnHover: true, verticalSpacing: 'sm' }}
      card={(c) => <ContractCard c={c} isStaff={isStaff} />}
      row={(c) => ({
        onClick: (e) => {
          // A click on the number's link navigates by itself.
          if (!(e.target as HTMLElement).closest('a')) void navigate(paths.contract(c.id));
        },
        style: { cursor: 'pointer' },
      })}
      // Dates, amounts and badges keep to one line; names and kinds wrap at spaces.
      columns={[
        {
          key: 'number',
          head: t('contracts.number'),
          fw: 600,
          nowrap: true,
          cell: (c) => (
            <>
              {/* The number is the keyboard's (and middle-click's) way in; the row the mouse's. */}
              <Anchor component={Link} to={paths.contract(c.id)} c="inherit" inherit>
                {c.number}
              </Anchor>{' '}
              <ChangedBadge changed={c.changed} />
              <SharedMark c={c} />
            </>
          ),
        },
        {
          key: 'date',
          head: t('contracts.date'),
          nowrap: true,
          cell: (c) => formatDate(c.date, locale),
        },
        {
          key: 'customer',
          head: t('contracts.customer'),
          hidden: !isStaff,
          minWidth: 140,
          cell: (c) => c.customerName,
        },
        { key: 'kind', head: t('contracts.kind'), cell: (c) => t(`contracts.kinds.${c.kind}`) },
        {
          key: 'status',
          head: t('contracts.status'),
          nowrap: true,
          cell: (c) => <ContractStatus status={c.status} closed={c.closed} />,
        },
        {
          key: 'manager',
          head: t('contracts.manager'),
          hidden: !isStaff,
          minWidth: 140,
          cell: (c) => c.managerName ?? '—',
        },
        {
          key: 'total',
          head: t('contracts.total'),
          align: 'right',
          nowrap: true,
          cell: (c) => showMoney(c.total, c.currency, locale),
        },
        {
          key: 'due',
          head: t('contract.balanceDue'),
          align: 'right',
          cell: (c) => (
            <>
              <span style={{ whiteSpace: 'nowrap' }}>
                {showMoney(c.balanceDue, c.currency, locale)}
              </span>
              <DueNow c={c} align="flex-end" />
            </>
          ),
        },
      ]}
    />
  );
}

export function ContractsPage() {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlParams();
  const state = readState(params.get('state'));
  const sortKey = readSort(params.get('sort'));
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const managerId = params.get('manager') ?? '';
  const overdue = params.get('overdue') === '1';
  const isStaff = useMe().data?.kind === 'staff';
  const [sort, order] = sortKey.split('.') as [ContractSort, SortDirection];
  const paged = usePagedQuery((page) =>
    listContractsQuery({ state, page, q, status, managerId, overdue, sort, order }),
  );
  const { query: contracts, items, total, page, setPage, beyondLastPage } = paged;
  const filters = useContractFilters(isStaff);
  /** Changes some parameters; any change of the selection goes back to the first page. */
  const update = (next: Record<string, string | number | null>) =>
    updateParams((p) => {
      p.delete('page');
      for (const [key, value] of Object.entries(next)) {
        const keep = value !== null && value !== '' && !(key === 'sort' && value === DEFAULT_SORT);
        if (keep) p.set(key, String(value));
        else p.delete(key);
      }
    });
  const filtered = state !== 'all' || q !== '' || status !== '' || managerId !== '' || overdue;
  const managers = filters.data?.managers ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Title order={1} size="h2">
          {t('contracts.title')}
        </Title>
        <SegmentedControl
          value={state}
          onChange={(v) => update({ state: readState(v) })}
          aria-label={t('contracts.filter')}
          data={CONTRACT_STATE_FILTERS.map((s) => ({ value: s, label: t(`contracts.state.${s}`) }))}
        />
      </Group>
      {isStaff && (
        <SearchBox
          value={q}
          onSearch={(v) => update({ q: v })}
          placeholder={t('contracts.searchPlaceholder')}
          label={t('contracts.search')}
          testId="contracts-search"
        />
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {isStaff && (
          <Select
            value={status || null}
            onChange={(v) => update({ status: v })}
            data={filters.data?.statuses ?? []}
            placeholder={t('contracts.anyStatus')}
            aria-label={t('contracts.status')}
            clearable
            searchable
            data-testid="contracts-status"
          />
        )}
        {isStaff && managers.length > 1 && (
          <Select
            value={managerId || null}
            onChange={(v) => update({ manager: v })}
            data={managers.map((m) => ({ value: m.id, label: m.fullName }))}
            placeholder={t('contracts.anyManager')}
            aria-label={t('contracts.manager')}
            clearable
            searchable
            data-testid="contracts-manager"
          />
        )}
        <Select
          value={sortKey}
          onChange={(v) => update({ sort: readSort(v) })}
          data={SORTS.map((s) => ({ value: s, label: t(`contracts.sorts.${s}`) }))}
          aria-label={t('contracts.sort')}
          allowDeselect={false}
          data-testid="contracts-sort"
        />
        <Switch
          checked={overdue}
          onChange={(e) => update({ overdue: e.currentTarget.checked ? '1' : null })}
          label={t('contracts.overdueOnly')}
          data-testid="contracts-overdue"
          styles={{ root: { alignSelf: 'center' } }}
        />
      </SimpleGrid>
      {/* An old link to a page that no longer exists: back to the first one, same selection and order. */}
      {beyondLastPage ? (
        <Navigate to={{ search: withoutPage(params) }} replace />
      ) : contracts.isPending ? (
        <PageLoader />
      ) : contracts.isError && !contracts.data ? (
        <ErrorAlert error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : (
        <div data-testid="contracts-list" aria-busy={contracts.isPlaceholderData}>
          {items.length === 0 ? (
            <Text c="dimmed" py="xl" ta="center">
              {t(filtered ? 'contracts.emptyFiltered' : 'contracts.empty')}
            </Text>
          ) : (
            <ContractsList items={items} isStaff={isStaff} />
          )}
        </div>
      )}
      <ListPager
        page={page}
        total={total}
        pageSize={PAGE_SIZE}
        onChange={setPage}
        label={t('contracts.count', { count: total })}
        testId="contracts-count"
      />
    </Stack>
  );
}
