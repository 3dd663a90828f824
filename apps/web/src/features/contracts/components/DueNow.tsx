import { Group, Stack, Text } from '@mantine/core';
import type { Schemas } from '@kabinet/api-client';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMoney, localeOf } from '../../../lib/format';

type Money = Pick<Schemas['ContractSummaryDto'], 'dueNow' | 'overdue' | 'daysOverdue' | 'currency'>;

/**
 * What a contract asks to be paid now, as the schedule tab allocates the payments: what is
 * overdue (red, with the days of the oldest unpaid row) and what is due now when that is more;
 * nothing when nothing is due.
 */
export function DueNow({
  c,
  align = 'flex-start',
}: {
  c: Money;
  align?: 'flex-start' | 'flex-end';
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const overdue = c.overdue !== '0.00';
  const dueNow = c.dueNow !== '0.00' && c.dueNow !== c.overdue;
  if (!overdue && !dueNow) return null;
  return (
    <Stack gap={0} align={align} data-testid="contract-due">
      {overdue && (
        <Group gap={4} wrap="nowrap" data-testid="contract-overdue">
          <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-hidden />
          <Text size="sm" fw={600} c="red.7" style={{ whiteSpace: 'nowrap' }}>
            {t('contracts.overdueShort', {
              amount: formatMoney(c.overdue, c.currency, locale),
              count: c.daysOverdue,
            })}
          </Text>
        </Group>
      )}
      {dueNow && (
        <Text size="sm" fw={600} c="orange.8" style={{ whiteSpace: 'nowrap' }}>
          {t('contracts.dueNowShort', { amount: formatMoney(c.dueNow, c.currency, locale) })}
        </Text>
      )}
    </Stack>
  );
}
