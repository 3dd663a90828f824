import {
  Anchor,
  Button,
  Card,
  Divider,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconDownload, IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CenteredMessage } from '../../../components/CenteredMessage';
import { ScrollingTabsList } from '../../../components/ScrollingTabsList';
import { SectionCard } from '../../../components/SectionCard';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatQuantity,
  localeOf,
} from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatPhone } from '../../../lib/phone';
import { useCompactLayout } from '../../../lib/use-compact';
import { useMe } from '../../auth';
import { itemsPdfUrl } from '../api/documents';
import { isNotFound, useContract, type Contract } from '../api/get-contract';
import { useMarkSeenOnOpen } from '../api/mark-seen';
import { ContractStatus } from '../components/ContractStatus';
import { DocumentsTab } from '../components/DocumentsTab';
import { useLineTax, useTotalLines } from '../components/ItemTaxes';
import { Field } from '../../../components/Field';
import { NotificationsTab, ObjectTab, PaymentsTab, ScheduleTab } from '../components/ContractTabs';

const TABS = [
  'overview',
  'object',
  'items',
  'schedule',
  'payments',
  'documents',
  'notifications',
] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.includes(v as Tab);

type Item = Contract['items'][number];

function ManagerCard({ c, isStaff }: { c: Contract; isStaff: boolean }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t(isStaff ? 'contract.managerTitleStaff' : 'contract.managerTitle')}>
      {c.manager ? (
        <>
          <Text fw={600}>{c.manager.fullName}</Text>
          {c.manager.phone && (
            <Anchor href={`tel:${c.manager.phone}`}>
              <Group gap={6} wrap="nowrap">
                <IconPhone size={16} aria-hidden />
                {formatPhone(c.manager.phone)}
              </Group>
            </Anchor>
          )}
          {c.manager.email && !isStaff && (
            <Button
              component="a"
              href={`mailto:${c.manager.email}?subject=${encodeURIComponent(t('contract.title', { number: c.number }))}`}
              variant="light"
              leftSection={<IconMail size={16} />}
              data-testid="write-manager"
            >
              {t('contract.writeManager')}
            </Button>
          )}
          {c.manager.email && (
            <Anchor href={`mailto:${c.manager.email}`}>
              <Group gap={6} wrap="nowrap">
                <IconMail size={16} aria-hidden />
                <Text span inherit style={{ overflowWrap: 'anywhere' }}>
                  {c.manager.email}
                </Text>
              </Group>
            </Anchor>
          )}
        </>
      ) : (
        <Text c="dimmed">{t('contract.noManager')}</Text>
      )}
    </SectionCard>
  );
}

function ItemsTable({ c, money }: { c: Contract; money: (v: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const totals = useTotalLines(c, money);
  const lineTax = useLineTax(money);
  const taxed = c.items.some((i) => i.tax !== null);
  const columns = taxed ? 8 : 7;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" withTableBorder data-testid="contract-items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contract.lineNo')}</Table.Th>
            <Table.Th>{t('contract.name')}</Table.Th>
            <Table.Th>{t('contract.itemKind')}</Table.Th>
            <Table.Th ta="right">{t('contract.quantity')}</Table.Th>
            <Table.Th>{t('contract.unit')}</Table.Th>
            <Table.Th ta="right">{t('contract.price')}</Table.Th>
            {taxed && <Table.Th ta="right">{t('contract.taxColumn')}</Table.Th>}
            <Table.Th ta="right">{t('contract.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.items.map((item) => {
            const tax = lineTax(item);
            return (
              <Table.Tr key={item.lineNo}>
                <Table.Td>{item.lineNo}</Table.Td>
                <Table.Td>{item.name}</Table.Td>
                <Table.Td>{t(`contract.itemKinds.${item.kind}`)}</Table.Td>
                <Table.Td ta="right">{formatQuantity(item.quantity, locale)}</Table.Td>
                <Table.Td>{item.unit}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(item.price)}
                </Table.Td>
                {taxed && (
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="item-tax">
                    {tax && (
                      <>
                        <Text size="sm">{tax.rate}</Text>
                        {tax.amount && (
                          <Text size="xs" c="dimmed">
                            {tax.amount}
                          </Text>
                        )}
                      </>
                    )}
                  </Table.Td>
                )}
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(item.amount)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          {totals.map((line) => (
            <Table.Tr key={line.key} data-testid={`items-total-${line.key}`}>
              <Table.Th colSpan={columns - 1} ta="right" fw={line.bold ? 700 : 400}>
                {line.label}
              </Table.Th>
              <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }} fw={line.bold ? 700 : 400}>
                {line.value}
              </Table.Th>
            </Table.Tr>
          ))}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Goods and services as a list of cards on narrow screens. */
function ItemCards({ c, money }: { c: Contract; money: (v: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const totals = useTotalLines(c, money);
  const lineTax = useLineTax(money);
  const line = (item: Item) => {
    const tax = lineTax(item);
    return (
      <Group key={item.lineNo} justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} miw={0}>
          <Text>
            {item.lineNo}. {item.name}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`contract.itemKinds.${item.kind}`)} · {formatQuantity(item.quantity, locale)}{' '}
            {item.unit} × {money(item.price)}
          </Text>
          {tax && (
            <Text size="sm" c="dimmed" data-testid="item-tax">
              {tax.text}
            </Text>
          )}
        </Stack>
        <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
          {money(item.amount)}
        </Text>
      </Group>
    );
  };
  return (
    <Card withBorder radius="md" padding="md" data-testid="contract-items">
      <Stack gap="sm">
        {c.items.map((item, i) => (
          <Stack key={item.lineNo} gap="sm">
            {i > 0 && <Divider />}
            {line(item)}
          </Stack>
        ))}
        <Divider />
        {totals.map((row) => (
          <Group
            key={row.key}
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            data-testid={`items-total-${row.key}`}
          >
            <Text fw={row.bold ? 700 : 400} size={row.bold ? 'md' : 'sm'}>
              {row.label}
            </Text>
            <Text
              fw={row.bold ? 700 : 400}
              size={row.bold ? 'md' : 'sm'}
              style={{ whiteSpace: 'nowrap' }}
            >
              {row.value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

export function ContractPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const contract = useContract(id);
  const compact = useCompactLayout();
  const me = useMe().data;
  const isStaff = me?.kind === 'staff';
  useMarkSeenOnOpen(id, Boolean(contract.data), me?.kind === 'customer' && !me.viewAs);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'overview';

  if (contract.isPending) return <PageLoader />;
  if (isNotFound(contract.error)) {
    return (
      <CenteredMessage
        title={t('contract.notFound')}
        text={t('contract.notFoundText')}
        linkTo={paths.contracts}
        linkLabel={t('contract.toList')}
      />
    );
  }
  if (!contract.data) {
    return <ErrorAlert error={contract.error} onRetry={() => void contract.refetch()} />;
  }
  const c = contract.data;
  const money = (v: string) => formatMoney(v, c.currency, locale);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={paths.contracts} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('contract.toList')}
        </Group>
      </Anchor>
      <Stack gap={6}>
        <Group justify="space-between" align="center" gap="xs">
          <Title order={1} size="h2">
            {t('contract.title', { number: c.number })}
          </Title>
          <ContractStatus status={c.status} closed={c.closed} />
        </Group>
        <Text c="dimmed">{t('contract.from', { date: formatDate(c.date, locale) })}</Text>
        {c.dataAsOf && (
          <Text size="sm" c="dimmed" data-testid="contract-data-as-of">
            {t('contract.dataAsOf', { time: formatDateTime(c.dataAsOf, locale) })}
          </Text>
        )}
      </Stack>

      <Tabs
        value={tab}
        onChange={(v) => setSearch(v && v !== 'overview' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <ScrollingTabsList active={tab}>
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`tab-${key}`}>
              {t(`contract.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </ScrollingTabsList>
        <Tabs.Panel value="overview" pt="md" data-testid="panel-overview">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Card withBorder radius="md" padding="md" data-testid="contract-overview">
              <Stack gap="sm">
                <Field label={t('contracts.kind')}>{t(`contracts.kinds.${c.kind}`)}</Field>
                {isStaff && <Field label={t('contracts.customer')}>{c.customerName}</Field>}
                <SimpleGrid cols={2} spacing="sm">
                  <Field label={t('contracts.total')}>
                    <Text fw={700} size="lg">
                      {money(c.total)}
                    </Text>
                  </Field>
                  <Field label={t('contract.paid')}>
                    <Text fw={700} size="lg">
                      {money(c.paid)}
                    </Text>
                  </Field>
                </SimpleGrid>
                <Field label={t('contract.balanceDue')}>
                  <Text fw={700} size="lg" c={c.schedule.dueNow !== '0.00' ? 'red' : undefined}>
                    {money(c.balanceDue)}
                  </Text>
                </Field>
                {c.schedule.dueNow !== '0.00' && (
                  <Field label={t('contract.dueNow')}>
                    <Text fw={700} c="red">
                      {money(c.schedule.dueNow)}
                    </Text>
                  </Field>
                )}
                {c.schedule.next && (
                  <Field label={t('contract.nextPayment')}>
                    {t('contract.nextPaymentValue', {
                      amount: money(c.schedule.next.outstanding),
                      date: formatDate(c.schedule.next.dueDate, locale),
                    })}
                  </Field>
                )}
                {c.plannedEndDate && (
                  <Field label={t('contract.plannedEnd')}>
                    {formatDate(c.plannedEndDate, locale)}
                  </Field>
                )}
              </Stack>
            </Card>
            <ManagerCard c={c} isStaff={isStaff} />
          </SimpleGrid>
        </Tabs.Panel>
        <Tabs.Panel value="object" pt="md" data-testid="panel-object">
          <ObjectTab c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="items" pt="md" data-testid="panel-items">
          {c.items.length === 0 ? (
            <Text c="dimmed">{t('contract.noItems')}</Text>
          ) : (
            <Stack gap="sm">
              <Group justify="flex-end">
                <Button
                  component="a"
                  href={itemsPdfUrl(c.id, i18n.language)}
                  download
                  variant="light"
                  size="sm"
                  leftSection={<IconDownload size={16} />}
                  data-testid="items-pdf"
                >
                  {t('contract.itemsPdf')}
                </Button>
              </Group>
              {compact ? <ItemCards c={c} money={money} /> : <ItemsTable c={c} money={money} />}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="schedule" pt="md" data-testid="panel-schedule">
          <ScheduleTab c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="payments" pt="md" data-testid="panel-payments">
          <PaymentsTab c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="documents" pt="md" data-testid="panel-documents">
          <DocumentsTab c={c} />
        </Tabs.Panel>
        <Tabs.Panel value="notifications" pt="md" data-testid="panel-notifications">
          <NotificationsTab c={c} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
