import { Alert, Anchor, Badge, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileAlert } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatFileSize, localeOf } from '../../../lib/format';
import { originalUrl, reportUrl } from '../api/file-urls';
import type { ExchangeFile } from '../api/list-runs';
import { FileNotes } from './FileNotes';
import { Counts } from './Counts';

const FILE_COLORS: Record<ExchangeFile['status'], string> = {
  importing: 'blue',
  imported: 'green',
  failed: 'red',
  duplicate: 'gray',
  interrupted: 'orange',
};

export function FileRow({ f }: { f: ExchangeFile }) {
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
