import { Badge, Card, Divider, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { showMoney } from '@kabinet/shared';
import { SectionCard } from '../../../components/SectionCard';
import { Field } from '../../../components/Field';
import { useTranslation } from 'react-i18next';
import { NotificationItem } from '../../../components/NotificationItem';
import { formatDate, localeOf } from '../../../lib/format';
import { useCompactLayout } from '../../../lib/use-compact';
import type { Contract } from '../api/get-contract';

type Installment = Contract['schedule']['rows'][number];

export function useMoney(c: Contract) {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (v: string) => showMoney(v, c.currency, locale);
}

const STATUS_COLORS: Record<Installment['status'], string> = {
  paid: 'green',
  partlyPaid: 'yellow',
  overdue: 'red',
  due: 'blue',
  upcoming: 'gray',
};

function InstallmentStatus({ row }: { row: Installment }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[row.status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`contract.installment.${row.status}`)}
    </Badge>
  );
}

function installmentDetail(
  row: Installment,
  t: ReturnType<typeof useTranslation>['t'],
  money: (v: string) => string,
  locale: string,
): string | null {
  const parts: string[] = [];
  if (row.status === 'paid' && row.paidOn) {
    parts.push(
      row.daysLate > 0
        ? t('contract.paidLate', { date: formatDate(row.paidOn, locale), count: row.daysLate })
        : t('contract.paidOn', { date: formatDate(row.paidOn, locale) }),
    );
  }
  if (row.status !== 'paid' && row.paid !== '0.00') {
    parts.push(t('contract.partly', { paid: money(row.paid), amount: money(row.amount) }));
  }
  if (row.daysOverdue > 0) parts.push(t('contract.overdueDays', { count: row.daysOverdue }));
  if (row.note) parts.push(row.note);
  return parts.length ? parts.join(' · ') : null;
}

/** The payment schedule with each row's status computed from the payments. */
export function ScheduleTab({ c }: { c: Contract }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const money = useMoney(c);
  const compact = useCompactLayout();
  const s = c.schedule;
  if (!s.rows.length) return <Text c="dimmed">{t('contract.noSchedule')}</Text>;
  return (
    <Stack gap="md" data-testid="contract-schedule">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
        <Card withBorder radius="md" padding="md">
          <Field label={t('contract.dueNow')}>
            <Text fw={700} size="lg" c={s.dueNow !== '0.00' ? 'red' : undefined}>
              {money(s.dueNow)}
            </Text>
          </Field>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Field label={t('contract.nextPayment')}>
            {s.next ? (
              <Text fw={700} size="lg">
                {t('contract.nextPaymentValue', {
                  amount: money(s.next.outstanding),
                  date: formatDate(s.next.dueDate, locale),
                })}
              </Text>
            ) : (
              <Text fw={700} size="lg" c="green">
                {t('contract.allPaid')}
              </Text>
            )}
          </Field>
          {s.overpaid !== '0.00' && (
            <Text size="sm" c="dimmed">
              {t('contract.overpaid', { amount: money(s.overpaid) })}
            </Text>
          )}
        </Card>
      </SimpleGrid>
      {compact ? (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            {s.rows.map((row, i) => {
              const detail = installmentDetail(row, t, money, locale);
              return (
                <Stack key={row.lineNo} gap={4} data-testid="installment">
                  {i > 0 && <Divider />}
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Text fw={600}>{formatDate(row.dueDate, locale)}</Text>
                    <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {money(row.amount)}
                    </Text>
                  </Group>
                  <Group gap="xs" wrap="wrap">
                    <InstallmentStatus row={row} />
                    {detail && (
                      <Text size="sm" c="dimmed">
                        {detail}
                      </Text>
                    )}
                  </Group>
                </Stack>
              );
            })}
          </Stack>
        </Card>
      ) : (
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('contract.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('contract.amount')}</Table.Th>
              <Table.Th>{t('contract.status')}</Table.Th>
              <Table.Th ta="right">{t('contract.outstanding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.rows.map((row) => {
              const detail = installmentDetail(row, t, money, locale);
              return (
                <Table.Tr key={row.lineNo} data-testid="installment">
                  <Table.Td>{formatDate(row.dueDate, locale)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(row.amount)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="wrap">
                      <InstallmentStatus row={row} />
                      {detail && (
                        <Text size="sm" c="dimmed">
                          {detail}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(row.outstanding)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** Payments oldest first, with what was left to pay after each. */
export function PaymentsTab({ c }: { c: Contract }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const money = useMoney(c);
  const compact = useCompactLayout();
  if (!c.payments.length) return <Text c="dimmed">{t('contract.noPayments')}</Text>;
  const totals = (
    <Group justify="space-between">
      <Text fw={700}>{t('contract.paymentsTotal')}</Text>
      <Text fw={700}>{money(c.paid)}</Text>
    </Group>
  );
  if (compact) {
    return (
      <Card withBorder radius="md" padding="md" data-testid="contract-payments">
        <Stack gap="sm">
          {c.payments.map((p, i) => (
            <Stack key={`${p.number}-${i}`} gap={2}>
              {i > 0 && <Divider />}
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{formatDate(p.date, locale)}</Text>
                <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {money(p.amount)}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {[p.number, p.method].filter(Boolean).join(' · ')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('contract.balanceAfter')}: {money(p.balanceAfter)}
              </Text>
            </Stack>
          ))}
          <Divider />
          {totals}
        </Stack>
      </Card>
    );
  }
  return (
    <Stack gap="sm" data-testid="contract-payments">
      <Table withTableBorder verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contract.payDate')}</Table.Th>
            <Table.Th>{t('contract.payNumber')}</Table.Th>
            <Table.Th>{t('contract.payMethod')}</Table.Th>
            <Table.Th ta="right">{t('contract.amount')}</Table.Th>
            <Table.Th ta="right">{t('contract.balanceAfter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.payments.map((p, i) => (
            <Table.Tr key={`${p.number}-${i}`}>
              <Table.Td>{formatDate(p.date, locale)}</Table.Td>
              <Table.Td>{p.number}</Table.Td>
              <Table.Td>{p.method ?? '—'}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(p.amount)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(p.balanceAfter)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {totals}
    </Stack>
  );
}

function Requisites({ items }: { items: Array<{ name: string; value: string }> }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {items.map((r, i) => (
        <Field key={`${r.name}-${i}`} label={r.name}>
          {r.value}
        </Field>
      ))}
    </SimpleGrid>
  );
}

/** What the contract is about: the deceased and the monument, or the renovation object. */
export function ObjectTab({ c }: { c: Contract }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const o = c.object;
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  const typed = o.deceased.length > 0 || o.monument || o.renovation;
  return (
    <Stack gap="md" data-testid="contract-object">
      {o.deceased.length > 0 && (
        <SectionCard
          title={t(o.deceased.length > 1 ? 'contract.deceasedMany' : 'contract.deceased')}
        >
          {o.deceased.map((d, i) => (
            <Stack key={`${d.fullName}-${i}`} gap="xs">
              {i > 0 && <Divider />}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Field label={t('contract.fullName')}>{d.fullName}</Field>
                <Field label={t('contract.birthDate')}>{date(d.birthDate)}</Field>
                <Field label={t('contract.deathDate')}>{date(d.deathDate)}</Field>
              </SimpleGrid>
            </Stack>
          ))}
        </SectionCard>
      )}
      {o.monument && (
        <SectionCard title={t('contract.monument')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {o.monument.material && (
              <Field label={t('contract.material')}>{o.monument.material}</Field>
            )}
            {o.monument.size && <Field label={t('contract.size')}>{o.monument.size}</Field>}
            {o.monument.cemetery && (
              <Field label={t('contract.cemetery')}>{o.monument.cemetery}</Field>
            )}
            {o.monument.plot && <Field label={t('contract.plot')}>{o.monument.plot}</Field>}
          </SimpleGrid>
          {o.monument.inscription && (
            <Field label={t('contract.inscription')}>
              <Text style={{ whiteSpace: 'pre-line' }}>{o.monument.inscription}</Text>
            </Field>
          )}
          {o.monument.extra.length > 0 && <Requisites items={o.monument.extra} />}
        </SectionCard>
      )}
      {o.renovation && (
        <SectionCard title={t('contract.renovation')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {o.renovation.address && (
              <Field label={t('contract.address')}>{o.renovation.address}</Field>
            )}
            {o.renovation.area && (
              <Field label={t('contract.area')}>
                {t('contract.areaValue', {
                  area: new Intl.NumberFormat(locale).format(Number(o.renovation.area)),
                })}
              </Field>
            )}
            {o.renovation.rooms !== null && (
              <Field label={t('contract.rooms')}>{o.renovation.rooms}</Field>
            )}
          </SimpleGrid>
          {o.renovation.extra.length > 0 && <Requisites items={o.renovation.extra} />}
        </SectionCard>
      )}
      {!typed && c.requisites.length === 0 && <Text c="dimmed">{t('contract.noObject')}</Text>}
      {c.requisites.length > 0 && (
        <SectionCard title={t('contract.requisites')}>
          <Requisites items={c.requisites} />
        </SectionCard>
      )}
    </Stack>
  );
}

export function NotificationsTab({ c }: { c: Contract }) {
  const { t } = useTranslation();
  if (!c.notifications.length) return <Text c="dimmed">{t('contract.noNotifications')}</Text>;
  return (
    <Card withBorder radius="md" padding="md" data-testid="contract-notifications">
      <Stack gap="sm">
        {c.notifications.map((n, i) => (
          <Stack key={n.id} gap="sm">
            {i > 0 && <Divider />}
            <NotificationItem n={n} />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
