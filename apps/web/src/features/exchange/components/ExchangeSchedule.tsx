import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeCron } from '../schedule';

/** The schedule in words, with the cron itself below for whoever set it. */
export function Schedule({ cron }: { cron: string | null }) {
  const { t, i18n } = useTranslation();
  if (!cron) return <>{t('exchange.scheduleOff')}</>;
  const described = describeCron(cron, i18n.language);
  if (!described) return <>{t('exchange.scheduleCron', { cron })}</>;
  return (
    <>
      {described.text}
      {described.utc && ` ${t('exchange.scheduleUtc')}`}
      <Text size="sm" c="dimmed" data-testid="exchange-cron">
        cron <code>{cron}</code>
      </Text>
    </>
  );
}
