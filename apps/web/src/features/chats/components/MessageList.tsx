import { Badge, Box, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconChecks, IconCheck, IconClock } from '@tabler/icons-react';
import {
  Fragment,
  useCallback,
  useEffect,
  useEffectEvent,
  useLayoutEffect,
  useRef,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { errorMessage } from '../../../lib/errors';
import { formatDate, localeOf } from '../../../lib/format';
import type { Chat, ChatActor } from '../api/chats';
import { useMessages, type ChatMessage, type MessagesData } from '../api/messages';
import { flattenMessages, newestStoredId } from '../cache';
import { systemText } from '../system-text';
import { ApprovalBlock, MessageMenu } from './Approval';
import { MessageAttachments } from './Attachments';
import { MessageText } from './MessageText';
import classes from './Chat.module.css';

const NEAR_BOTTOM = 120;

function sameDay(a: string, b: string) {
  return new Date(a).toDateString() === new Date(b).toDateString();
}

export function formatTime(iso: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

function isMine(m: ChatMessage, me: ChatActor) {
  return m.author !== null && m.author.kind === me.kind && m.author.id === me.id;
}

/** Today, yesterday or the date: the line between days. */
function DaySeparator({ iso }: { iso: string }) {
  const { t, i18n } = useTranslation();
  const day = new Date(iso);
  const today = new Date();
  const yesterday = new Date();
  yesterday.setDate(today.getDate() - 1);
  const label =
    day.toDateString() === today.toDateString()
      ? t('chat.today')
      : day.toDateString() === yesterday.toDateString()
        ? t('chat.yesterday')
        : formatDate(iso, localeOf(i18n.language));
  return (
    <Center my="xs" data-testid="day-separator">
      <Badge variant="light" color="gray" radius="sm" fw={500} tt="none">
        {label}
      </Badge>
    </Center>
  );
}

/** Under my message: sending, failed (with a resend), sent, or read by the other side. */
function Status({
  m,
  chat,
  me,
  onResend,
}: {
  m: ChatMessage;
  chat: Chat;
  me: ChatActor;
  onResend: (m: ChatMessage) => void;
}) {
  const { t } = useTranslation();
  if (m.local?.status === 'sending') {
    return (
      <Group gap={4} c="dimmed" data-testid="message-status">
        <IconClock size={14} aria-hidden />
        <Text size="xs">{t('chat.sending')}</Text>
      </Group>
    );
  }
  if (m.local?.status === 'failed') {
    return (
      <Group gap={6} c="red.7" data-testid="message-failed">
        <IconAlertCircle size={14} aria-hidden />
        <Text size="xs">
          {t('chat.failed')}: {errorMessage(t, m.local.error)}
        </Text>
        <Button size="compact-xs" variant="light" color="red" onClick={() => onResend(m)}>
          {t('chat.resend')}
        </Button>
      </Group>
    );
  }
  const readers = chat.participants.filter(
    (p) =>
      !(p.person.kind === me.kind && p.person.id === me.id) && BigInt(p.lastReadId) >= BigInt(m.id),
  );
  if (readers.length === 0) {
    return (
      <Group gap={2} c="dimmed" data-testid="message-status">
        <IconCheck size={14} aria-hidden />
        <Text size="xs">{t('chat.sent')}</Text>
      </Group>
    );
  }
  return (
    <Group
      gap={2}
      c="teal.7"
      title={t('chat.readBy', { names: readers.map((r) => r.person.name).join(', ') })}
      data-testid="message-read"
    >
      <IconChecks size={14} aria-hidden />
      <Text size="xs">{t('chat.read')}</Text>
    </Group>
  );
}

/** One message: mine on the right, others' on the left with name and role; system lines centred. */
export function MessageBubble({
  m,
  chat,
  me,
  onResend,
}: {
  m: ChatMessage;
  chat: Chat;
  me: ChatActor;
  onResend: (m: ChatMessage) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  if (m.kind === 'system') {
    return (
      <Center data-testid="message-system">
        <Text size="xs" c="dimmed" ta="center" px="md">
          {systemText(t, m.system)} · {formatTime(m.createdAt, locale)}
        </Text>
      </Center>
    );
  }
  const mine = isMine(m, me);
  const role = m.author?.role ?? '';
  return (
    <Group justify={mine ? 'flex-end' : 'flex-start'} wrap="nowrap" data-testid="message">
      <Paper
        className={classes.bubble}
        data-mine={mine || undefined}
        data-failed={m.local?.status === 'failed' || undefined}
        px="sm"
        py={6}
        radius="lg"
      >
        <Stack gap={4}>
          {!mine && m.author && (
            <Group gap={6} wrap="wrap">
              <Text size="xs" fw={700} data-testid="message-author">
                {m.author.name}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`shell.roles.${role}` as 'shell.roles.customer', { defaultValue: role })}
              </Text>
            </Group>
          )}
          {m.body && <MessageText body={m.body} />}
          <MessageAttachments attachments={m.attachments} chatId={chat.id} />
          <ApprovalBlock m={m} />
          <Group gap="xs" justify="flex-end" wrap="wrap">
            {mine && <Status m={m} chat={chat} me={me} onResend={onResend} />}
            <Text size="xs" c="dimmed">
              {formatTime(m.createdAt, locale)}
            </Text>
            <MessageMenu m={m} />
          </Group>
        </Stack>
      </Paper>
    </Group>
  );
}

/**
 * The conversation: oldest at the top, scrolled to the newest; scrolling up loads older pages
 * (keeping the place); the newest message seen with the window focused is reported read.
 */
export function MessageList({
  chat,
  me,
  onResend,
  onSeen,
  footer,
}: {
  chat: Chat;
  me: ChatActor;
  onResend: (m: ChatMessage) => void;
  /** The newest stored message was on screen while the window had focus. */
  onSeen: (lastId: string) => void;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const query = useMessages(chat.id);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const messages = flattenMessages(query.data as MessagesData | undefined);
  const scroller = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  const bottomVisible = useRef(false);
  const nearBottom = useRef(true);
  const heightBefore = useRef<number | null>(null);
  const newest = messages.at(-1);
  const newestKey = newest ? `${newest.id}:${newest.local?.status ?? ''}` : '';
  const pages = query.data?.pages.length ?? 0;

  // Older pages arrived above: keep what the reader looked at where it was.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && heightBefore.current !== null) {
      el.scrollTop += el.scrollHeight - heightBefore.current;
      heightBefore.current = null;
    }
  }, [pages]);

  // A new message at the bottom (or the first load): follow it when the reader was there or it is mine.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || !newest) return;
    if (nearBottom.current || isMine(newest, me)) el.scrollTop = el.scrollHeight;
  }, [newestKey, newest, me]);

  const loadOlder = useCallback(() => {
    if (!hasNextPage || isFetchingNextPage) return;
    heightBefore.current = scroller.current?.scrollHeight ?? null;
    void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const newestId = newestStoredId(messages);
  // Reads the latest values whenever an observer or the window calls it.
  const trySeen = useEffectEvent(() => {
    if (newestId && bottomVisible.current && document.hasFocus()) onSeen(newestId);
  });
  const onTopVisible = useEffectEvent(() => loadOlder());

  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (e.target === top.current && e.isIntersecting) onTopVisible();
          if (e.target === bottom.current) {
            bottomVisible.current = e.isIntersecting;
            trySeen();
          }
        }
      },
      { root: scroller.current },
    );
    if (top.current) observer.observe(top.current);
    if (bottom.current) observer.observe(bottom.current);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const onFocus = () => trySeen();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
  useEffect(() => trySeen(), [newestId]);

  return (
    <Box className={classes.messages} data-testid="messages">
      <div
        ref={scroller}
        className={classes.scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
        }}
      >
        <div ref={top} />
        {query.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : query.isError && !query.data ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Stack gap={6} p="sm">
            {isFetchingNextPage ? (
              <Center>
                <Text size="xs" c="dimmed">
                  {t('chat.loadingOlder')}
                </Text>
              </Center>
            ) : hasNextPage ? (
              <Center>
                <Button size="compact-xs" variant="subtle" onClick={loadOlder}>
                  {t('chat.loadingOlder')}
                </Button>
              </Center>
            ) : messages.length > 0 ? (
              <Center>
                <Text size="xs" c="dimmed">
                  {t('chat.beginning')}
                </Text>
              </Center>
            ) : (
              <Center py="xl">
                <Text c="dimmed">{t('chats.noMessages')}</Text>
              </Center>
            )}
            {messages.map((m, i) => (
              <Fragment key={m.clientId ?? m.id}>
                {(i === 0 || !sameDay(messages[i - 1]!.createdAt, m.createdAt)) && (
                  <DaySeparator iso={m.createdAt} />
                )}
                <MessageBubble m={m} chat={chat} me={me} onResend={onResend} />
              </Fragment>
            ))}
          </Stack>
        )}
        <div ref={bottom} style={{ height: 1 }} />
      </div>
      {footer}
    </Box>
  );
}
