import { Anchor, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { showMoney } from '@kabinet/shared';
import { CenteredMessage } from '../../../components/CenteredMessage';
import { ScrollingTabsList } from '../../../components/ScrollingTabsList';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDate, formatDateTime, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useMe } from '../../me';
import { ContractSharing, isSharedWithMe, SharedContractNotice, sharingMode } from '../../shares';
import { ContractChats } from '../../chats';
import { itemsPdfUrl } from '../api/documents';
import { isNotFound, useContract } from '../api/get-contract';
import { useMarkSeenOnOpen } from '../api/mark-seen';
import { ContractStatus } from '../components/ContractStatus';
import { DocumentsTab } from '../components/DocumentsTab';
import { Field } from '../../../components/Field';
import { NotificationsTab } from '../components/NotificationsTab';
import { ObjectTab } from '../components/ObjectTab';
import { PaymentsTab } from '../components/PaymentsTab';
import { ScheduleTab } from '../components/ScheduleTab';
import { ManagerCard } from '../components/ContractManagerCard';
import { ContractItems } from '../components/ContractItems';

const TABS = [
  'overview',
  'object',
  'items',
  'schedule',
  'payments',
  'documents',
  'access',
  'notifications',
  'chats',
] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.includes(v as Tab);

export function ContractPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const contract = useContract(id);
  const me = useMe().data;
  const isStaff = me?.kind === 'staff';
  const canChat = Boolean(me?.permissions.includes('chat.read'));
  useMarkSeenOnOpen(id, Boolean(contract.data), me?.kind === 'customer' && !me.viewAs);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');

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
  const money = (v: string) => showMoney(v, c.currency, locale);
  // Someone shared it with me: its owner's notifications are not mine. Its shares are the
  // owner's (and staff's) to see.
  const shared = isSharedWithMe(me, c);
  const sharing = sharingMode(me, c);
  const tabs = TABS.filter(
    (key) =>
      (key !== 'access' || sharing) &&
      (key !== 'notifications' || !shared) &&
      (key !== 'chats' || canChat),
  );
  const tab: Tab = isTab(requested) && tabs.includes(requested) ? requested : 'overview';

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

      <SharedContractNotice c={c} />

      <Tabs
        value={tab}
        onChange={(v) => setSearch(v && v !== 'overview' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <ScrollingTabsList active={tab}>
          {tabs.map((key) => (
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
              <ContractItems c={c} money={money} />
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
        {sharing && (
          <Tabs.Panel value="access" pt="md" data-testid="panel-access">
            <ContractSharing contractId={c.id} mode={sharing} ownPhone={me?.phone ?? null} />
          </Tabs.Panel>
        )}
        {canChat && (
          <Tabs.Panel value="chats" pt="md" data-testid="panel-chats">
            <ContractChats contractId={c.id} customerId={c.customerId} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="notifications" pt="md" data-testid="panel-notifications">
          <NotificationsTab c={c} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
