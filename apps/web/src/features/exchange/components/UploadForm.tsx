import { Alert, Button, FileInput, Group, Stack } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ApiError } from '../../../lib/api';
import { formatFileSize, localeOf } from '../../../lib/format';
import { useUpload } from '../api/upload';

export function UploadForm({ limit, onUploaded }: { limit: number; onUploaded: () => void }) {
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
