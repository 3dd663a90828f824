import { Box, Button, Group, Image, Stack, Text, Textarea } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_LIMITS } from '@kabinet/shared';
import { CharCounter } from '../../../components/CharCounter';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDateTime, localeOf } from '../../../lib/format';
import { useAddPin } from '../api/approvals';
import { attachmentUrl, type Attachment } from '../api/attachments';
import classes from './Pins.module.css';

type Pin = Attachment['pins'][number];

/** A numbered marker at a point of the picture (parts of its width and height). */
function Marker({ x, y, label, title }: { x: number; y: number; label: string; title?: string }) {
  return (
    <span
      className={classes.marker}
      style={{ left: `${x * 100}%`, top: `${y * 100}%` }}
      title={title}
      aria-hidden
    >
      {label}
    </span>
  );
}

/**
 * A picture with its numbered comments pinned to points, and — for those who may write in the
 * chat — "mark a point": a tap on the picture, a comment, saved for both sides to see.
 */
export function PinnedPicture({
  chatId,
  image,
  canPin,
}: {
  chatId: string;
  image: Attachment;
  canPin: boolean;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [adding, setAdding] = useState(false);
  const [point, setPoint] = useState<{ x: number; y: number } | null>(null);
  const [body, setBody] = useState('');
  const add = useAddPin(chatId, image.id);
  const pins = image.pins;
  const next = pins.length + 1;

  const place = (e: MouseEvent<HTMLDivElement>) => {
    if (!adding) return;
    const box = e.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, Math.round(v * 10_000) / 10_000));
    setPoint({
      x: clamp((e.clientX - box.left) / box.width),
      y: clamp((e.clientY - box.top) / box.height),
    });
  };
  const reset = () => {
    setAdding(false);
    setPoint(null);
    setBody('');
    add.reset();
  };
  const tooLong = body.length > CHAT_LIMITS.reasonLength;

  return (
    <Stack gap="sm" align="center" w="100%">
      <div
        className={classes.picture}
        data-adding={adding || undefined}
        onClick={place}
        data-testid="pinned-picture"
      >
        <Image
          src={attachmentUrl(image.id)}
          alt={image.name}
          fit="contain"
          mah="65vh"
          maw="min(90vw, 1200px)"
          draggable={false}
        />
        {pins.map((p) => (
          <Marker key={p.id} x={p.x} y={p.y} label={String(p.number)} title={p.body} />
        ))}
        {point && <Marker x={point.x} y={point.y} label={String(next)} />}
      </div>
      {(pins.length > 0 || canPin) && (
        <Stack gap={6} w="100%" maw={640} data-testid="pins">
          <Text size="sm" fw={600}>
            {t('chat.pins.title')}
          </Text>
          {pins.length === 0 && !adding && (
            <Text size="sm" c="dimmed">
              {t('chat.pins.none')}
            </Text>
          )}
          {pins.map((p: Pin) => (
            <Group key={p.id} gap="xs" wrap="nowrap" align="flex-start" data-testid="pin">
              <span className={classes.number}>{p.number}</span>
              <Box miw={0}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {p.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.author.name}, {formatDateTime(p.createdAt, locale)}
                </Text>
              </Box>
            </Group>
          ))}
          {canPin && !adding && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconMapPin size={14} />}
              onClick={() => setAdding(true)}
              style={{ alignSelf: 'flex-start' }}
              data-testid="pin-add"
            >
              {t('chat.pins.add')}
            </Button>
          )}
          {adding && !point && (
            <Text size="sm" c="blue.8" data-testid="pin-hint">
              {t('chat.pins.hint')}
            </Text>
          )}
          {adding && point && (
            <Stack gap={6}>
              <Textarea
                label={t('chat.pins.label', { number: next })}
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={2}
                maxRows={6}
                data-autofocus
                error={
                  tooLong ? t('validation.tooLong', { max: CHAT_LIMITS.reasonLength }) : undefined
                }
                data-testid="pin-body"
              />
              <CharCounter length={body.length} max={CHAT_LIMITS.reasonLength} from={0.8} />
              <ErrorAlert error={add.error} />
              <Group gap="xs" justify="flex-end">
                <Button size="xs" variant="default" onClick={reset}>
                  {t('chat.pins.cancel')}
                </Button>
                <Button
                  size="xs"
                  disabled={!body.trim() || tooLong}
                  loading={add.isPending}
                  onClick={() => add.mutate({ ...point, body: body.trim() }, { onSuccess: reset })}
                  data-testid="pin-save"
                >
                  {t('chat.pins.save')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
