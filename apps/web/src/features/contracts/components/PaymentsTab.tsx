import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { formatDate, localeOf } from '../../../lib/format';
import type { Contract } from '../api/get-contract';
import { useMoney } from '../use-money';

type Payment = Contract['payments'][number];

/** Payments oldest first, with what was left to pay after each. */
export function PaymentsTab({ c }: { c: Contract }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const money = useMoney(c);
  if (!c.payments.length) return <Text c="dimmed">{t('contract.noPayments')}</Text>;
  // Payment numbers are 1C's: two on one day may share one, so the position keeps keys apart.
  const payments = c.payments.map((p, i) => ({ ...p, key: `${p.number}-${i}` }));
  return (
    <ResponsiveList<Payment & { key: string }>
      items={payments}
      itemKey={(p) => p.key}
      grouped
      table={{ withTableBorder: true, verticalSpacing: 'xs' }}
      testId="contract-payments"
      summary={[
        { key: 'total', label: t('contract.paymentsTotal'), value: money(c.paid), bold: true },
      ]}
      columns={[
        {
          key: 'date',
          head: t('contract.payDate'),
          nowrap: true,
          cell: (p) => formatDate(p.date, locale),
        },
        { key: 'number', head: t('contract.payNumber'), cell: (p) => p.number },
        { key: 'method', head: t('contract.payMethod'), cell: (p) => p.method ?? '—' },
        {
          key: 'amount',
          head: t('contract.amount'),
          align: 'right',
          nowrap: true,
          cell: (p) => money(p.amount),
        },
        {
          key: 'balance',
          head: t('contract.balanceAfter'),
          align: 'right',
          nowrap: true,
          cell: (p) => money(p.balanceAfter),
        },
      ]}
      card={(p) => (
        <Stack gap={2}>
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
      )}
    />
  );
}
