import { Stack, Text } from '@mantine/core';
import type { Schemas } from '@kabinet/api-client';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { showMoney } from '@kabinet/shared';
import { localeOf } from '../../../lib/format';

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
        // May break before the days in a narrow table column, never inside an amount.
        <Text
          size="sm"
          fw={600}
          c="red.7"
          ta={align === 'flex-end' ? 'right' : undefined}
          data-testid="contract-overdue"
        >
          <span style={{ whiteSpace: 'nowrap' }}>
            <IconAlertTriangle
              size={14}
              aria-hidden
              style={{ verticalAlign: '-2px', marginRight: 4 }}
            />
            {t('contracts.overdueShort', { amount: showMoney(c.overdue, c.currency, locale) })}
          </span>{' '}
          <span style={{ whiteSpace: 'nowrap' }}>
            · {t('contracts.overdueDaysShort', { count: c.daysOverdue })}
          </span>
        </Text>
      )}
      {dueNow && (
        <Text size="sm" fw={600} c="orange.8" style={{ whiteSpace: 'nowrap' }}>
          {t('contracts.dueNowShort', { amount: showMoney(c.dueNow, c.currency, locale) })}
        </Text>
      )}
    </Stack>
  );
}
