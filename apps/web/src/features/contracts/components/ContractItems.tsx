import { Card, Divider, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatQuantity, localeOf } from '../../../lib/format';
import type { Contract } from '../api/get-contract';
import { useLineTax, useTotalLines } from './ItemTaxes';

type Item = Contract['items'][number];

export function ItemsTable({ c, money }: { c: Contract; money: (v: string) => string }) {
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
export function ItemCards({ c, money }: { c: Contract; money: (v: string) => string }) {
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
