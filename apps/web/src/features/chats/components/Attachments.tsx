import { Anchor, Box, Card, Group, Image, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconDownload,
  IconFile,
  IconFileTypePdf,
  IconMapPin,
  IconPhoto,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFileSize, localeOf } from '../../../lib/format';
import { attachmentUrl, thumbnailUrl, type Attachment } from '../api/attachments';
import { useChatActions } from './Approval';
import { PinnedPicture } from './Pins';
import pinClasses from './Pins.module.css';

/** A short type label from the MIME type or the name's extension: PDF, DOCX, XLSX… */
export function fileTypeLabel(a: { name: string; mime: string }): string {
  const ext = /\.([a-z0-9]{1,6})$/i.exec(a.name)?.[1];
  if (ext) return ext.toUpperCase();
  return a.mime.split('/')[1]?.toUpperCase() ?? a.mime;
}

/**
 * A picture opened over the page, with a link to download it; a picture of a message (`pins`
 * known, `chatId` given) shows its numbered comments, and those who may write add them.
 */
export function Lightbox({
  image,
  onClose,
  chatId,
}: {
  image: (Pick<Attachment, 'id' | 'name'> & { pins?: Attachment['pins'] }) | null;
  onClose: () => void;
  chatId?: string;
}) {
  const { t } = useTranslation();
  const actions = useChatActions();
  const canPin =
    actions !== null && !actions.viewAs && actions.chat.can.write && actions.chat.id === chatId;
  return (
    <Modal
      opened={image !== null}
      onClose={onClose}
      size="auto"
      centered
      title={image?.name}
      closeButtonProps={{ 'aria-label': t('chat.close') }}
      data-testid="lightbox"
    >
      {image && (
        <Stack gap="sm" align="center">
          {chatId && image.pins ? (
            <PinnedPicture chatId={chatId} image={image as Attachment} canPin={canPin} />
          ) : (
            <Image
              src={attachmentUrl(image.id)}
              alt={image.name}
              fit="contain"
              mah="75vh"
              maw="min(90vw, 1200px)"
            />
          )}
          <Anchor href={attachmentUrl(image.id, true)} size="sm">
            <Group gap={4}>
              <IconDownload size={16} aria-hidden />
              {t('chat.download')}
            </Group>
          </Anchor>
        </Stack>
      )}
    </Modal>
  );
}

/** An image as a thumbnail button that opens the lightbox. */
export function ImageThumb({
  a,
  onOpen,
  size = 160,
}: {
  a: Attachment;
  onOpen: (a: Attachment) => void;
  size?: number;
}) {
  const { t } = useTranslation();
  return (
    <UnstyledButton
      onClick={() => onOpen(a)}
      aria-label={t('chat.openImage', { name: a.name })}
      data-testid="attachment-image"
      style={{ borderRadius: 8, overflow: 'hidden', lineHeight: 0, position: 'relative' }}
    >
      <Image
        src={thumbnailUrl(a.id)}
        alt={t('chat.image', { name: a.name })}
        w={size}
        h={size}
        fit="cover"
        loading="lazy"
        fallbackSrc={undefined}
      />
      {(a.pins?.length ?? 0) > 0 && (
        <span
          className={pinClasses.number}
          style={{ position: 'absolute', top: 6, right: 6 }}
          title={t('chat.pins.title')}
          data-testid="thumb-pins"
        >
          <IconMapPin size={12} aria-hidden />
          {a.pins.length}
        </span>
      )}
    </UnstyledButton>
  );
}

/** Any other file as a card: name, size, type; a click downloads it. */
export function FileCard({ a }: { a: Attachment }) {
  const { i18n } = useTranslation();
  const Icon =
    a.mime === 'application/pdf' ? IconFileTypePdf : a.kind === 'image' ? IconPhoto : IconFile;
  return (
    <Card
      component="a"
      href={attachmentUrl(a.id, true)}
      download={a.name}
      withBorder
      padding="xs"
      radius="md"
      maw={280}
      data-testid="attachment-file"
    >
      <Group gap="xs" wrap="nowrap">
        <Icon size={28} aria-hidden style={{ flexShrink: 0 }} />
        <Box miw={0}>
          <Text size="sm" fw={500} truncate="end" title={a.name}>
            {a.name}
          </Text>
          <Text size="xs" c="dimmed">
            {fileTypeLabel(a)} · {formatFileSize(a.size, localeOf(i18n.language))}
          </Text>
        </Box>
      </Group>
    </Card>
  );
}

/**
 * A message's files: pictures as thumbnails (a lightbox on click, with the pinned comments and
 * their count on the thumbnail), the rest as cards.
 */
export function MessageAttachments({
  attachments,
  chatId,
}: {
  attachments: Attachment[];
  chatId?: string;
}) {
  // By id: a pin added in the lightbox shows at once (the message in the cache changed).
  const [openId, setOpenId] = useState<string | null>(null);
  const open = attachments.find((a) => a.id === openId) ?? null;
  if (attachments.length === 0) return null;
  const images = attachments.filter((a) => a.kind === 'image');
  const files = attachments.filter((a) => a.kind !== 'image');
  return (
    <Stack gap={6}>
      {images.length > 0 && (
        <Group gap={6}>
          {images.map((a) => (
            <ImageThumb
              key={a.id}
              a={a}
              onOpen={(x) => setOpenId(x.id)}
              size={images.length > 1 ? 110 : 200}
            />
          ))}
        </Group>
      )}
      {files.map((a) => (
        <FileCard key={a.id} a={a} />
      ))}
      <Lightbox image={open} chatId={chatId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}
