import { Button, Card, Group, Image, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDownload, IconEye, IconFile, IconFileTypePdf, IconPhoto } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatFileSize, localeOf } from '../../../lib/format';
import { documentFileUrl } from '../api/documents';
import type { Contract } from '../api/get-contract';

type ContractDocument = Contract['documents'][number];

function DocIcon({ mime }: { mime: string }) {
  const Icon =
    mime === 'application/pdf' ? IconFileTypePdf : mime.startsWith('image/') ? IconPhoto : IconFile;
  return (
    <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
      <Icon size={20} />
    </ThemeIcon>
  );
}

/**
 * The contract's documents: PDFs open in the browser's viewer (a new tab), images in a preview,
 * anything can be downloaded.
 */
export function DocumentsTab({ c }: { c: Contract }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [preview, setPreview] = useState<ContractDocument | null>(null);
  if (!c.documents.length) return <Text c="dimmed">{t('contract.noDocuments')}</Text>;
  return (
    <Stack gap="sm" data-testid="contract-documents">
      {c.documents.map((d) => (
        <Card key={d.id} withBorder radius="md" padding="sm" data-testid="document">
          <Group justify="space-between" gap="sm">
            <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 16rem' }}>
              <DocIcon mime={d.mime} />
              <Stack gap={2} miw={0}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {d.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {[d.kind, d.date && formatDate(d.date, locale), formatFileSize(d.size, locale)]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
            </Group>
            <Group gap="xs">
              {d.viewable &&
                (d.mime.startsWith('image/') ? (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconEye size={14} />}
                    onClick={() => setPreview(d)}
                    data-testid="document-view"
                  >
                    {t('contract.documentView')}
                  </Button>
                ) : (
                  <Button
                    component="a"
                    href={documentFileUrl(c.id, d.id)}
                    target="_blank"
                    rel="noopener"
                    size="xs"
                    variant="light"
                    leftSection={<IconEye size={14} />}
                    data-testid="document-view"
                  >
                    {t('contract.documentView')}
                  </Button>
                ))}
              <Button
                component="a"
                href={documentFileUrl(c.id, d.id, true)}
                download={d.fileName}
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                aria-label={`${t('contract.documentDownload')}: ${d.fileName}`}
                data-testid="document-download"
              >
                {t('contract.documentDownload')}
              </Button>
            </Group>
          </Group>
        </Card>
      ))}
      <Modal
        opened={preview !== null}
        onClose={() => setPreview(null)}
        title={preview?.title}
        size="xl"
        centered
      >
        {preview && (
          <Image
            src={documentFileUrl(c.id, preview.id)}
            alt={preview.title}
            fit="contain"
            mah="75vh"
            data-testid="document-preview"
          />
        )}
      </Modal>
    </Stack>
  );
}
