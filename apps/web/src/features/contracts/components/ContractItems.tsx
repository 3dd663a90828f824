import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { formatQuantity, localeOf } from '../../../lib/format';
import type { Contract } from '../api/get-contract';
import { useLineTax, useTotalLines } from './ItemTaxes';

type Item = Contract['items'][number];

/** The goods and services with their totals: a table, or the rows of one card on a phone. */
export function ContractItems({ c, money }: { c: Contract; money: (v: string) => string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const totals = useTotalLines(c, money);
  const lineTax = useLineTax(money);
  const taxed = c.items.some((i) => i.tax !== null);
  return (
    <ResponsiveList<Item>
      items={c.items}
      itemKey={(item) => String(item.lineNo)}
      grouped
      scrollMinWidth={640}
      table={{ verticalSpacing: 'xs', withTableBorder: true }}
      testId="contract-items"
      summary={totals.map((line) => ({ ...line, testId: `items-total-${line.key}` }))}
      columns={[
        { key: 'no', head: t('contract.lineNo'), cell: (item) => item.lineNo },
        { key: 'name', head: t('contract.name'), cell: (item) => item.name },
        {
          key: 'kind',
          head: t('contract.itemKind'),
          cell: (item) => t(`contract.itemKinds.${item.kind}`),
        },
        {
          key: 'quantity',
          head: t('contract.quantity'),
          align: 'right',
          cell: (item) => formatQuantity(item.quantity, locale),
        },
        { key: 'unit', head: t('contract.unit'), cell: (item) => item.unit },
        {
          key: 'price',
          head: t('contract.price'),
          align: 'right',
          nowrap: true,
          cell: (item) => money(item.price),
        },
        {
          key: 'tax',
          head: t('contract.taxColumn'),
          align: 'right',
          nowrap: true,
          hidden: !taxed,
          testId: 'item-tax',
          cell: (item) => {
            const tax = lineTax(item);
            return (
              tax && (
                <>
                  <Text size="sm">{tax.rate}</Text>
                  {tax.amount && (
                    <Text size="xs" c="dimmed">
                      {tax.amount}
                    </Text>
                  )}
                </>
              )
            );
          },
        },
        {
          key: 'amount',
          head: t('contract.amount'),
          align: 'right',
          nowrap: true,
          cell: (item) => money(item.amount),
        },
      ]}
      card={(item) => {
        const tax = lineTax(item);
        return (
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
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
      }}
    />
  );
}
