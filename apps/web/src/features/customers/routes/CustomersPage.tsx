import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { showMoney, formatPhone } from '@kabinet/shared';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListPager } from '../../../components/ListPager';
import { PageLoader } from '../../../components/PageLoader';
import { BreakableAddress } from '../../../components/UserText';
import { SearchBox } from '../../../components/SearchBox';
import { formatDate, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { useUrlParams } from '../../../lib/use-url-params';
import { useMe } from '../../me';
import { CUSTOMERS_PAGE_SIZE, customersQuery, type CustomerSummary } from '../api/list-customers';
import { useStartViewAs } from '../api/view-as';

/** The contracts list searched for this customer (by phone when there is one: unique). */
const contractsOf = (c: CustomerSummary) =>
  `${paths.contracts}?q=${encodeURIComponent(c.phone ?? c.fullName)}`;

function ViewAsButton({ c }: { c: CustomerSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartViewAs();
  const allowed = useMe().data?.permissions.includes('customer.viewAs');
  if (!allowed) return null;
  return (
    <Stack gap={4} align="flex-start">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconEye size={14} />}
        loading={start.isPending}
        onClick={() =>
          start.mutate(c.id, { onSuccess: () => void navigate(paths.home, { replace: true }) })
        }
        data-testid="view-as"
      >
        {t('viewAs.open')}
      </Button>
      {start.isError && <ErrorAlert error={start.error} p="xs" />}
    </Stack>
  );
}

/** Staff: find a customer by name, phone or contract number; open their contracts or cabinet. */
/** A company's ИНН (and its official name, when it differs) under the customer's name. */
function CompanyLine({ c }: { c: CustomerSummary }) {
  const { t } = useTranslation();
  if (!c.inn && !c.officialName) return null;
  const official = c.officialName && c.officialName !== c.fullName ? c.officialName : null;
  return (
    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }} data-testid="customer-company">
      {official}
      {official && c.inn && ' · '}
      {c.inn && <span style={{ whiteSpace: 'nowrap' }}>{t('customers.inn', { inn: c.inn })}</span>}
    </Text>
  );
}

export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [params, updateParams] = useUrlParams();
  const q = params.get('q') ?? '';
  const {
    query: list,
    items,
    total,
    page,
    setPage,
  } = usePagedQuery((page) => customersQuery({ q, page }));
  /** Changes the search; a new search starts from its first page. */
  const setSearch = (next: string) =>
    updateParams((p) => {
      if (next) p.set('q', next);
      else p.delete('q');
      p.delete('page');
    });
  const money = (v: string) => showMoney(v, 'RUB', locale);

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('customers.title')}
      </Title>
      <SearchBox
        value={q}
        onSearch={setSearch}
        placeholder={t('customers.searchPlaceholder')}
        label={t('customers.search')}
        testId="customers-search"
      />
      {list.isPending ? (
        <PageLoader />
      ) : list.isError && !list.data ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('customers.empty')}
        </Text>
      ) : (
        <ResponsiveList
          items={items}
          itemKey={(c) => c.id}
          testId="customers-list"
          itemTestId="customer"
          table={{ highlightOnHover: true, verticalSpacing: 'sm' }}
          card={(c) => (
            <Card withBorder radius="md" padding="sm" data-testid="customer">
              <Stack gap={6}>
                <Text fw={600}>{c.fullName}</Text>
                <CompanyLine c={c} />
                {c.phone && (
                  <Anchor href={`tel:${c.phone}`} size="sm">
                    {formatPhone(c.phone)}
                  </Anchor>
                )}
                {c.email && (
                  <Text size="sm">
                    <BreakableAddress value={c.email} />
                  </Text>
                )}
                <Group justify="space-between" gap="xs">
                  <Anchor component={Link} to={contractsOf(c)} size="sm">
                    {t('customers.showContracts')}: {c.contracts}
                  </Anchor>
                  {c.balanceDue !== '0.00' && (
                    <Text size="sm">
                      {t('customers.balanceDue')}: {money(c.balanceDue)}
                    </Text>
                  )}
                </Group>
                <ViewAsButton c={c} />
              </Stack>
            </Card>
          )}
          columns={[
            {
              key: 'name',
              head: t('customers.name'),
              minWidth: 150,
              cell: (c) => (
                <>
                  <Text fw={600} inherit>
                    {c.fullName}
                  </Text>
                  <CompanyLine c={c} />
                </>
              ),
            },
            {
              key: 'phone',
              head: t('customers.phone'),
              nowrap: true,
              cell: (c) => (c.phone ? formatPhone(c.phone) : '—'),
            },
            {
              key: 'email',
              head: t('customers.email'),
              testId: 'customer-email',
              cell: (c) => (c.email ? <BreakableAddress value={c.email} /> : '—'),
            },
            {
              key: 'contracts',
              head: t('customers.contracts'),
              align: 'right',
              nowrap: true,
              cell: (c) => (
                <Anchor component={Link} to={contractsOf(c)}>
                  {c.contracts}
                </Anchor>
              ),
            },
            {
              key: 'last',
              head: t('customers.lastContract'),
              nowrap: true,
              cell: (c) => (c.lastContractDate ? formatDate(c.lastContractDate, locale) : '—'),
            },
            {
              key: 'due',
              head: t('customers.balanceDue'),
              align: 'right',
              nowrap: true,
              cell: (c) => money(c.balanceDue),
            },
            { key: 'view', head: null, nowrap: true, cell: (c) => <ViewAsButton c={c} /> },
          ]}
        />
      )}
      <ListPager
        page={page}
        total={total}
        pageSize={CUSTOMERS_PAGE_SIZE}
        onChange={setPage}
        label={t('customers.count', { count: total })}
      />
    </Stack>
  );
}
