import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Field } from '../../../components/Field';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, localeOf } from '../../../lib/format';
import { ResponsiveList } from '../../../components/ResponsiveList';
import type { Contract } from '../api/get-contract';
import { useMoney } from '../use-money';

type Installment = Contract['schedule']['rows'][number];

const STATUS_COLORS: Record<Installment['status'], string> = {
  paid: 'green',
  partlyPaid: 'yellow',
  overdue: 'red',
  due: 'blue',
  upcoming: 'gray',
};

/** The badge and what it means (paid when, overdue how long), in the card and in the table. */
function InstallmentState({ row, detail }: { row: Installment; detail: string | null }) {
  return (
    <Group gap="xs" wrap="wrap">
      <InstallmentStatus row={row} />
      {detail && (
        <Text size="sm" c="dimmed">
          {detail}
        </Text>
      )}
    </Group>
  );
}

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
  t: TFunction,
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
      <ResponsiveList<Installment>
        items={s.rows}
        itemKey={(row) => String(row.lineNo)}
        grouped
        table={{ withTableBorder: true, verticalSpacing: 'xs' }}
        itemTestId="installment"
        columns={[
          {
            key: 'due',
            head: t('contract.dueDate'),
            nowrap: true,
            cell: (row) => formatDate(row.dueDate, locale),
          },
          {
            key: 'amount',
            head: t('contract.amount'),
            align: 'right',
            nowrap: true,
            cell: (row) => money(row.amount),
          },
          {
            key: 'status',
            head: t('contract.status'),
            cell: (row) => (
              <InstallmentState row={row} detail={installmentDetail(row, t, money, locale)} />
            ),
          },
          {
            key: 'outstanding',
            head: t('contract.outstanding'),
            align: 'right',
            nowrap: true,
            cell: (row) => money(row.outstanding),
          },
        ]}
        card={(row) => (
          <Stack gap={4} data-testid="installment">
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text fw={600}>{formatDate(row.dueDate, locale)}</Text>
              <Text fw={600} style={{ whiteSpace: 'nowrap' }}>
                {money(row.amount)}
              </Text>
            </Group>
            <InstallmentState row={row} detail={installmentDetail(row, t, money, locale)} />
          </Stack>
        )}
      />
    </Stack>
  );
}
