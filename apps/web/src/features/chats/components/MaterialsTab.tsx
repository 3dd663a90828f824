import { Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListPager } from '../../../components/ListPager';
import { PageLoader } from '../../../components/PageLoader';
import { formatDate, localeOf } from '../../../lib/format';
import { MATERIALS_PAGE_SIZE, useMaterials, type Attachment } from '../api/attachments';
import { FileCard, ImageThumb, Lightbox } from './Attachments';

type Kind = '' | 'image' | 'file';

/** Every file ever sent in the chat, newest first; pictures or documents only on request. */
export function MaterialsTab({ chatId }: { chatId: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [kind, setKind] = useState<Kind>('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Attachment | null>(null);
  const materials = useMaterials(chatId, kind, page);
  const items = materials.data?.items ?? [];
  return (
    <Stack gap="md" data-testid="materials">
      <SegmentedControl
        value={kind}
        onChange={(v) => {
          setKind(v as Kind);
          setPage(1);
        }}
        data={[
          { value: '', label: t('chat.materials.all') },
          { value: 'image', label: t('chat.materials.images') },
          { value: 'file', label: t('chat.materials.files') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {materials.isPending ? (
        <PageLoader />
      ) : materials.isError && !materials.data ? (
        <ErrorAlert error={materials.error} onRetry={() => void materials.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('chat.materials.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 2, xs: 3, md: 4 }} spacing="sm">
          {items.map((m) => (
            <Stack key={m.id} gap={4} miw={0} data-testid="material">
              {m.kind === 'image' ? (
                <ImageThumb a={{ ...m, pins: [] }} onOpen={setOpen} size={140} />
              ) : (
                <FileCard a={{ ...m, pins: [] }} />
              )}
              <Text size="xs" c="dimmed" truncate="end">
                {t('chat.materials.sentBy', {
                  name: m.authorName ?? '',
                  date: formatDate(m.sentAt, locale),
                })}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
      <Group justify="center">
        <ListPager
          page={page}
          total={materials.data?.total ?? 0}
          pageSize={MATERIALS_PAGE_SIZE}
          onChange={setPage}
          label={t('chat.materials.count', { count: materials.data?.total ?? 0 })}
          testId="materials-count"
        />
      </Group>
      <Lightbox image={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
