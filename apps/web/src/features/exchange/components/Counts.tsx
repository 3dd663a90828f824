import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExchangeRun } from '../api/list-runs';

export function Counts({
  c,
}: {
  c: Pick<ExchangeRun, 'created' | 'updated' | 'unchanged' | 'archived'>;
}) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed">
      {t('exchange.counts', {
        created: c.created,
        updated: c.updated,
        unchanged: c.unchanged,
        archived: c.archived,
      })}
    </Text>
  );
}
