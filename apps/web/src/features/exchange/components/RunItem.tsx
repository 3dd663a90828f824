import { Accordion, Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime, localeOf } from '../../../lib/format';
import { formatDuration } from '../schedule';
import type { ExchangeRun } from '../api/list-runs';
import { Counts } from './Counts';
import { FileRow } from './FileRow';

const RUN_COLORS: Record<ExchangeRun['status'], string> = {
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  interrupted: 'orange',
};
function duration(ms: number | null, locale: string) {
  return ms === null ? '—' : formatDuration(ms, locale);
}

export function RunItem({ run }: { run: ExchangeRun }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <Accordion.Item value={run.id} data-testid="exchange-run">
      <Accordion.Control>
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{formatDateTime(run.startedAt, locale)}</Text>
            <Badge color={RUN_COLORS[run.status]} variant="light">
              {t(`exchange.runStatus.${run.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t(`exchange.trigger.${run.trigger}`)} · {duration(run.durationMs, locale)}
            </Text>
          </Group>
          <Text size="sm">
            {t('exchange.files', {
              imported: run.filesImported,
              failed: run.filesFailed,
              duplicate: run.filesDuplicate,
            })}
            {run.changesExported > 0 &&
              ` · ${t('exchange.exported', { count: run.changesExported })}`}
            {run.warnings > 0 && (
              <Text span inherit c="orange.8" data-testid="exchange-run-warnings">
                {` · ${t('exchange.withWarnings', { count: run.warnings })}`}
              </Text>
            )}
          </Text>
          <Counts c={run} />
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('exchange.source')}: {run.source}
          </Text>
          {run.error && (
            <Alert color="red" variant="light">
              {run.error}
            </Alert>
          )}
          {run.files.length === 0 ? (
            <Text c="dimmed">{t('exchange.noFiles')}</Text>
          ) : (
            run.files.map((f) => <FileRow key={f.id} f={f} />)
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
