import { Button, Card, Group, Progress, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDateTime, localeOf } from '../../../lib/format';
import { useExchangeStatus } from '../api/status';
import { useRunNow } from '../api/run-now';
import { Schedule } from '../components/ExchangeSchedule';
import { useWatchWindow } from '../use-watch-window';
import { Runs } from '../components/Runs';
import { Exports } from '../components/Exports';
import { UploadForm } from '../components/UploadForm';

/** The admin's view of the 1C exchange: status, run now, upload, runs with errors, exports. */
export function ExchangePage() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [watching, watch] = useWatchWindow();
  const status = useExchangeStatus(watching);
  const runNow = useRunNow();
  if (status.isPending) return <PageLoader />;
  if (status.isError)
    return <ErrorAlert error={status.error} onRetry={() => void status.refetch()} />;
  const s = status.data;
  const off = s.sourceKind === 'off';
  return (
    <Stack gap="lg" data-testid="exchange-page">
      <Title order={1} size="h2">
        {t('exchange.title')}
      </Title>
      <Card withBorder radius="md" padding="md">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Field label={t('exchange.source')}>
              {t(`exchange.sourceKind.${s.sourceKind}`)}
              {s.sourceLocation && (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {s.sourceLocation}
                </Text>
              )}
            </Field>
            <Field label={t('exchange.schedule')}>
              <Schedule cron={s.schedule} />
            </Field>
            <Field label={t('exchange.lastImport')}>
              {s.lastImportAt ? formatDateTime(s.lastImportAt, locale) : t('exchange.never')}
              <Text size="sm" c="dimmed" data-testid="exchange-last-checked">
                {t('exchange.lastChecked', {
                  time: s.lastCheckedAt ? formatDateTime(s.lastCheckedAt, locale) : '—',
                })}
              </Text>
            </Field>
            <Field label={t('exchange.pending')}>{s.pendingChanges}</Field>
          </SimpleGrid>
          <Group gap="sm">
            <Button
              leftSection={<IconPlayerPlay size={16} />}
              onClick={() => runNow.mutate(undefined, { onSuccess: watch })}
              loading={runNow.isPending}
              disabled={off || s.running}
              data-testid="exchange-run-now"
            >
              {s.running ? t('exchange.running') : t('exchange.runNow')}
            </Button>
            {s.running && (
              <Progress value={100} animated striped w={120} aria-label={t('exchange.running')} />
            )}
          </Group>
          {runNow.isError && <ErrorAlert error={runNow.error} />}
          {!off && <UploadForm limit={s.uploadLimitBytes} onUploaded={watch} />}
          {off && <Text c="dimmed">{t('exchange.offHint')}</Text>}
        </Stack>
      </Card>
      <Tabs defaultValue="runs" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="runs">{t('exchange.runs')}</Tabs.Tab>
          <Tabs.Tab value="exports">{t('exchange.exports')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="runs" pt="md">
          <Runs running={s.running || watching} />
        </Tabs.Panel>
        <Tabs.Panel value="exports" pt="md">
          <Exports />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
