import { Card, Divider, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, localeOf } from '../../../lib/format';
import { useCompactLayout } from '../../../lib/use-compact';
import type { Contract } from '../api/get-contract';
import { useMoney } from '../use-money';

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
