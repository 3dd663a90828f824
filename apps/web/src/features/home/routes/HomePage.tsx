import {
  Alert,
  Anchor,
  Button,
  Divider,
  Grid,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAddressBook,
  IconAlertTriangle,
  IconBell,
  IconChevronRight,
  IconHelpCircle,
  IconSettings,
  IconUserCircle,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { showMoney } from '@kabinet/shared';
import { SectionCard } from '../../../components/SectionCard';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { NotificationItem } from '../../../components/NotificationItem';
import { formatDate, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useMe } from '../../me';
import { ManagersCard } from '../../company';
import { SharedMark } from '../../shares';
import {
  ChangedBadge,
  ContractStatus,
  DueNow,
  useContracts,
  useContractsSummary,
} from '../../contracts';
import { useMarkRead, useNotifications } from '../../notifications';
import { HomeChats } from '../../chats';

const CONTRACTS_SHOWN = 4;
const NOTIFICATIONS_SHOWN = 2;

/** "Иванова Мария Петровна" → "Мария Петровна": how a Russian letter addresses a person. */
export function addressOf(fullName: string): string {
  const parts = fullName.trim().split(/\s+/);
  return parts.length === 3 ? `${parts[1]} ${parts[2]}` : fullName;
}

function MyContracts() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const active = useContracts({ state: 'active', page: 1, pageSize: CONTRACTS_SHOWN });
  const summary = useContractsSummary().data;
  const items = active.data?.items ?? [];
  return (
    <SectionCard
      fill
      title={t('home.myContracts')}
      testId="home-contracts"
      action={
        <Anchor component={Link} to={paths.contracts} size="sm">
          {t('home.allContracts', { count: summary?.all ?? 0 })}
        </Anchor>
      }
    >
      {active.isPending ? (
        <Skeleton h={120} />
      ) : active.isError ? (
        <ErrorAlert error={active.error} onRetry={() => void active.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('home.noActive')}</Text>
      ) : (
        <Stack gap={0}>
          {items.map((c, i) => (
            <Stack key={c.id} gap={0}>
              {i > 0 && <Divider />}
              <UnstyledButton
                component={Link}
                to={paths.contract(c.id)}
                py="sm"
                data-testid="home-contract"
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Stack gap={4} miw={0}>
                    <Group gap="xs">
                      <Text fw={600}>{c.number}</Text>
                      <ChangedBadge changed={c.changed} />
                    </Group>
                    <Text size="sm" c="dimmed">
                      {formatDate(c.date, locale)} · {t(`contracts.kinds.${c.kind}`)}
                    </Text>
                    <SharedMark c={c} />
                    <div>
                      <ContractStatus status={c.status} closed={c.closed} />
                    </div>
                    <DueNow c={c} />
                  </Stack>
                  <Group gap="xs" wrap="nowrap">
                    {c.balanceDue !== '0.00' && (
                      <Stack gap={0} align="flex-end">
                        <Text size="xs" c="dimmed" ta="right">
                          {t('contract.balanceDue')}
                        </Text>
                        <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                          {showMoney(c.balanceDue, c.currency, locale)}
                        </Text>
                      </Stack>
                    )}
                    <IconChevronRight size={18} aria-hidden />
                  </Group>
                </Group>
              </UnstyledButton>
            </Stack>
          ))}
          {/* The API's sum over every active contract, shown or not (one line per currency). */}
          {(summary?.active ?? 0) > 1 && (summary?.balanceDue.length ?? 0) > 0 && (
            <>
              <Divider />
              <Group justify="space-between" align="flex-start" pt="sm">
                <Text fw={600}>{t('home.balanceTotal')}</Text>
                <Stack gap={0} align="flex-end" data-testid="home-balance">
                  {summary!.balanceDue.map((d) => (
                    <Text key={d.currency} fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {showMoney(d.amount, d.currency, locale)}
                    </Text>
                  ))}
                  {summary!.overdue.map((d) => (
                    <Text
                      key={`overdue-${d.currency}`}
                      size="sm"
                      fw={600}
                      c="red.7"
                      style={{ whiteSpace: 'nowrap' }}
                      data-testid="home-balance-overdue"
                    >
                      {t('home.ofWhichOverdue', {
                        amount: showMoney(d.amount, d.currency, locale),
                      })}
                    </Text>
                  ))}
                </Stack>
              </Group>
            </>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}

/**
 * Money to pay now, above everything else: what is overdue (with the days of the oldest unpaid
 * payment) or due today, over all active contracts, and where to see it.
 */
function MoneyDue() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const summary = useContractsSummary().data;
  const active = useContracts({ state: 'active', page: 1, pageSize: CONTRACTS_SHOWN }).data;
  if (!summary || summary.dueNow.length === 0) return null;
  const sum = (amounts: typeof summary.dueNow) =>
    amounts.map((d) => showMoney(d.amount, d.currency, locale)).join(' + ');
  const overdue = summary.overdue.length > 0;
  // One contract to pay: straight to its schedule; several: the list of those overdue.
  const owing = (active?.items ?? []).filter((c) => c.dueNow !== '0.00');
  const complete = (active?.total ?? Infinity) <= CONTRACTS_SHOWN;
  const to =
    complete && owing.length === 1
      ? `${paths.contract(owing[0]!.id)}?tab=schedule`
      : `${paths.contracts}?state=active${overdue ? '&overdue=1' : ''}`;
  return (
    <Alert
      color={overdue ? 'red' : 'orange'}
      variant="light"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={t(overdue ? 'home.overdueTitle' : 'home.dueTodayTitle')}
      data-testid="home-overdue"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {overdue
            ? t('home.overdueText', {
                amount: sum(summary.overdue),
                date: formatDate(summary.overdueSince, locale),
                count: summary.daysOverdue,
              })
            : t('home.dueTodayText', { amount: sum(summary.dueNow) })}
          {overdue &&
            sum(summary.dueNow) !== sum(summary.overdue) &&
            ` ${t('home.dueNowTotal', { amount: sum(summary.dueNow) })}`}
        </Text>
        <Button
          component={Link}
          to={to}
          size="xs"
          variant="outline"
          color={overdue ? 'red' : 'orange'}
          data-testid="home-overdue-open"
        >
          {t(complete && owing.length === 1 ? 'home.openSchedule' : 'home.openOverdue')}
        </Button>
      </Stack>
    </Alert>
  );
}

function RecentNotifications() {
  const { t } = useTranslation();
  const list = useNotifications({ unread: false, page: 1, pageSize: NOTIFICATIONS_SHOWN });
  const markRead = useMarkRead();
  const readOnly = Boolean(useMe().data?.viewAs);
  const items = list.data?.items ?? [];
  return (
    <SectionCard
      fill
      title={t('home.notifications')}
      icon={<IconBell size={20} aria-hidden />}
      testId="home-notifications"
      action={
        <Anchor component={Link} to={paths.notifications} size="sm">
          {t('home.allNotifications')}
        </Anchor>
      }
    >
      {list.isPending ? (
        <Skeleton h={80} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('home.noNotifications')}</Text>
      ) : (
        <Stack gap="sm">
          {items.map((n) => (
            <NotificationItem
              key={n.id}
              n={n}
              compact
              onOpen={() => {
                if (!n.read && !readOnly) markRead.mutate([n.id]);
              }}
            />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function Links() {
  const { t } = useTranslation();
  const link = (to: string, icon: ReactNode, text: string, testId: string) => (
    <UnstyledButton component={Link} to={to} data-testid={testId}>
      <Group gap="sm" wrap="nowrap">
        {icon}
        <Text size="sm">{text}</Text>
      </Group>
    </UnstyledButton>
  );
  return (
    <SectionCard title={t('home.links')} testId="home-links" fill>
      <Stack gap="sm">
        {link(
          paths.profile,
          <IconUserCircle size={18} aria-hidden />,
          t('home.profile'),
          'home-link-profile',
        )}
        {link(
          `${paths.profile}#notification-settings`,
          <IconSettings size={18} aria-hidden />,
          t('home.settings'),
          'home-link-settings',
        )}
        {link(
          paths.contacts,
          <IconAddressBook size={18} aria-hidden />,
          t('home.contacts'),
          'home-link-contacts',
        )}
        {link(
          paths.help,
          <IconHelpCircle size={18} aria-hidden />,
          t('home.help'),
          'home-link-help',
        )}
      </Stack>
    </SectionCard>
  );
}

/**
 * The customer's home: my contracts (changed ones marked), my manager, recent notifications,
 * settings, contacts and help, on one laptop screen. Blocks of features the product does not have yet are absent.
 */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const canChat = Boolean(me?.permissions.includes('chat.read'));
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('home.greeting', { name: addressOf(me?.fullName ?? '') })}
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            {/* Money to pay now heads the main column: first on a phone, beside the manager on a laptop. */}
            <MoneyDue />
            <MyContracts />
            {canChat && <HomeChats />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ManagersCard testId="home-manager" limit={2} />
            <RecentNotifications />
            <Links />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
