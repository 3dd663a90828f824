import {
  Accordion,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Pagination,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileAlert, IconPlayerPlay, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatFileSize, localeOf } from '../../../lib/format';
import { useCompactLayout } from '../../../lib/use-compact';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { describeCron, formatDuration } from '../schedule';
import {
  originalUrl,
  reportUrl,
  exportsQuery,
  runsQuery,
  useExchangeStatus,
  useRunNow,
  useUpload,
  type ExchangeFile,
  type ExchangeRun,
} from '../api/exchange';
import { FileNotes } from '../components/FileNotes';

const RUN_COLORS: Record<ExchangeRun['status'], string> = {
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  interrupted: 'orange',
};
const FILE_COLORS: Record<ExchangeFile['status'], string> = {
  importing: 'blue',
  imported: 'green',
  failed: 'red',
  duplicate: 'gray',
  interrupted: 'orange',
};

function duration(ms: number | null, locale: string) {
  return ms === null ? '—' : formatDuration(ms, locale);
}

/** The schedule in words, with the cron itself below for whoever set it. */
function Schedule({ cron }: { cron: string | null }) {
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

function Counts({ c }: { c: Pick<ExchangeRun, 'created' | 'updated' | 'unchanged' | 'archived'> }) {
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

function FileRow({ f }: { f: ExchangeFile }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const percent = f.size > 0 ? Math.min(100, Math.round((f.bytesProcessed / f.size) * 100)) : 0;
  const where = [
    f.errorLine !== null ? t('exchange.line', { line: f.errorLine }) : null,
    f.errorColumn !== null ? t('exchange.column', { column: f.errorColumn }) : null,
    f.errorElement ? t('exchange.element', { element: f.errorElement }) : null,
  ].filter(Boolean);
  return (
    <Card withBorder radius="sm" padding="sm" data-testid="exchange-file">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {f.name}
          </Text>
          <Badge color={FILE_COLORS[f.status]} variant="light">
            {t(`exchange.fileStatus.${f.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {formatFileSize(f.size, locale)}
          {f.skipped > 0 && ` · ${t('exchange.skipped', { count: f.skipped })}`}
        </Text>
        {f.status === 'importing' && (
          <Progress value={percent} animated aria-label={t('exchange.progress')} />
        )}
        {f.status === 'imported' && <Counts c={f} />}
        {f.status === 'imported' && <FileNotes f={f} />}
        {f.errorMessage && (
          <Alert color={f.status === 'failed' ? 'red' : 'orange'} variant="light" p="xs">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {f.errorMessage}
            </Text>
            {where.length > 0 && (
              <Text size="sm" fw={600} data-testid="exchange-error-where">
                {where.join(', ')}
              </Text>
            )}
          </Alert>
        )}
        <Group gap="md">
          {f.hasOriginal && (
            <Anchor href={originalUrl(f.id)} download={f.name} size="sm">
              <Group gap={4} wrap="nowrap">
                <IconDownload size={16} aria-hidden />
                {t('exchange.original')}
              </Group>
            </Anchor>
          )}
          {f.hasReport && (
            <Anchor href={reportUrl(f.id)} target="_blank" rel="noopener" size="sm">
              <Group gap={4} wrap="nowrap">
                <IconFileAlert size={16} aria-hidden />
                {t(f.status === 'imported' ? 'exchange.notesReport' : 'exchange.report')}
              </Group>
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function RunItem({ run }: { run: ExchangeRun }) {
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

/**
 * A run starts a moment after "run now" or an upload is accepted: for a short while afterwards
 * the page polls as if something were running, so the new run shows up without a reload.
 */
const WATCH_MS = 15_000;

function useWatchWindow(): [boolean, () => void] {
  const [until, setUntil] = useState(0);
  const active = until > 0;
  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(() => setUntil(0), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);
  return [active, () => setUntil(Date.now() + WATCH_MS)];
}

function Runs({ running }: { running: boolean }) {
  const { t } = useTranslation();
  // Runs that did not succeed open by default, including ones that appear while the page is
  // open; what the user opens or closes by hand stays that way.
  const [toggled, setToggled] = useState<Record<string, boolean>>({});
  const paged = usePagedQuery((page) => runsQuery(page, running), { keepPageIn: 'state' });
  const { query: runs, items, page, setPage, pages } = paged;
  if (runs.isPending) return <PageLoader />;
  if (runs.isError) return <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />;
  if (!items.length) return <Text c="dimmed">{t('exchange.noRuns')}</Text>;
  const open = items.filter((r) => toggled[r.id] ?? r.status !== 'succeeded').map((r) => r.id);
  const onChange = (next: string[]) =>
    setToggled((prev) => {
      const changed = { ...prev };
      for (const r of items) changed[r.id] = next.includes(r.id);
      return changed;
    });
  return (
    <Stack gap="md">
      <Accordion
        multiple
        variant="separated"
        value={open}
        onChange={onChange}
        data-testid="exchange-runs"
        // The chevron sits by the first line, clear of the run's text however it wraps.
        styles={{
          label: { minWidth: 0 },
          chevron: {
            alignSelf: 'flex-start',
            marginTop: 'var(--mantine-spacing-md)',
            marginInlineStart: 'var(--mantine-spacing-sm)',
          },
        }}
      >
        {items.map((run) => (
          <RunItem key={run.id} run={run} />
        ))}
      </Accordion>
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
    </Stack>
  );
}

function Exports() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const compact = useCompactLayout();
  const paged = usePagedQuery(exportsQuery, { keepPageIn: 'state' });
  const { query: exports, items, page, setPage, pages } = paged;
  if (exports.isPending) return <PageLoader />;
  if (exports.isError)
    return <ErrorAlert error={exports.error} onRetry={() => void exports.refetch()} />;
  if (!items.length) return <Text c="dimmed">{t('exchange.noExports')}</Text>;
  const status = (s: 'pending' | 'written') => (
    <Badge color={s === 'written' ? 'green' : 'blue'} variant="light">
      {t(`exchange.exportStatus.${s}`)}
    </Badge>
  );
  return (
    <Stack gap="md">
      {compact ? (
        items.map((f) => (
          <Card key={f.id} withBorder radius="sm" padding="sm">
            <Group justify="space-between">
              <Text fw={600}>{f.name}</Text>
              {status(f.status)}
            </Group>
            <Text size="sm" c="dimmed">
              {t('exchange.changes', { count: f.changeCount })} ·{' '}
              {formatDateTime(f.writtenAt ?? f.createdAt, locale)}
            </Text>
          </Card>
        ))
      ) : (
        <Table withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.exportFile')}</Table.Th>
              <Table.Th ta="right">{t('exchange.changeCount')}</Table.Th>
              <Table.Th>{t('exchange.status')}</Table.Th>
              <Table.Th>{t('exchange.createdAt')}</Table.Th>
              <Table.Th>{t('exchange.writtenAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>{f.name}</Table.Td>
                <Table.Td ta="right">{f.changeCount}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{status(f.status)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(f.createdAt, locale)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {f.writtenAt ? formatDateTime(f.writtenAt, locale) : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 && <Pagination value={page} onChange={setPage} total={pages} />}
    </Stack>
  );
}

function UploadForm({ limit, onUploaded }: { limit: number; onUploaded: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [file, setFile] = useState<File | null>(null);
  const upload = useUpload();
  const fieldError =
    upload.error instanceof ApiError
      ? upload.error.problem.fields?.find((f) => f.path === 'file')?.message
      : undefined;
  const submit = () => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        setFile(null);
        onUploaded();
      },
    });
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <FileInput
          label={t('exchange.uploadLabel')}
          description={t('exchange.uploadHint', { size: formatFileSize(limit, locale) })}
          placeholder={t('exchange.choose')}
          accept=".xml,application/xml,text/xml"
          value={file}
          onChange={(f) => {
            upload.reset();
            setFile(f);
          }}
          error={fieldError}
          clearable
          style={{ flex: '1 1 16rem' }}
          data-testid="exchange-file-input"
        />
        <Button
          leftSection={<IconUpload size={16} />}
          onClick={submit}
          disabled={!file}
          loading={upload.isPending}
        >
          {t('exchange.upload')}
        </Button>
      </Group>
      {upload.isSuccess && (
        <Alert color="green" variant="light" data-testid="exchange-upload-ok">
          {t('exchange.uploaded', { name: upload.data.name })}
        </Alert>
      )}
      {upload.isError && !fieldError && <ErrorAlert error={upload.error} />}
    </Stack>
  );
}

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
