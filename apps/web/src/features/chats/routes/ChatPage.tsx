import { Alert, Anchor, Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlugConnectedX } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { CenteredMessage } from '../../../components/CenteredMessage';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { ScrollingTabsList } from '../../../components/ScrollingTabsList';
import { formatDate, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useSocketState } from '../../../lib/use-socket';
import { useMe, type Me } from '../../me';
import { isNotFound, useChat, type Chat, type ChatActor } from '../api/chats';
import type { ChatMessage } from '../api/messages';
import { useMarkRead, useSendMessage } from '../api/send';
import { ChatActionsContext } from '../components/Approval';
import { MaterialsTab } from '../components/MaterialsTab';
import { MessageList } from '../components/MessageList';
import { ParticipantsTab } from '../components/ParticipantsTab';
import { ReadOnlyNote, SendForm } from '../components/SendForm';
import { useChatRoom } from '../realtime';

const TABS = ['messages', 'materials', 'participants'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.includes(v as Tab);

/** Me as a chat names its people. */
export function actorOf(me: Me): ChatActor {
  return { kind: me.kind, id: me.id, name: me.fullName, role: me.role };
}

function ChatHeader({ chat, isStaff }: { chat: Chat; isStaff: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Title order={1} size="h3" data-testid="chat-number">
          {chat.number}
        </Title>
        {chat.contract ? (
          <Anchor
            component={Link}
            to={paths.contract(chat.contract.id)}
            fw={500}
            data-testid="chat-contract"
          >
            {t('chats.contractNumber', { number: chat.contract.number })}
          </Anchor>
        ) : (
          <Text c="dimmed">{t('chats.general')}</Text>
        )}
        {chat.title && <Text fw={500}>{chat.title}</Text>}
      </Group>
      <Text size="sm" c="dimmed">
        {isStaff && `${chat.customer.name} · `}
        {t('chats.createdAt', { date: formatDate(chat.createdAt, localeOf(i18n.language)) })}
      </Text>
    </Stack>
  );
}

/** While the socket is away the page says so: what others write shows when it is back. */
function ConnectionNote() {
  const { t } = useTranslation();
  if (useSocketState() !== 'reconnecting') return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      p="xs"
      icon={<IconPlugConnectedX size={18} aria-hidden />}
      data-testid="chat-reconnecting"
      role="status"
    >
      <Text size="sm">{t('chat.reconnecting')}</Text>
    </Alert>
  );
}

function Conversation({ chat, me }: { chat: Chat; me: Me }) {
  useChatRoom(chat.id);
  const actor = actorOf(me);
  const [replacing, setReplacing] = useState<ChatMessage | null>(null);
  const actions = useMemo(
    () => ({ chat, me: actorOf(me), viewAs: Boolean(me.viewAs), onNewVersion: setReplacing }),
    [chat, me],
  );

  const { send, resend } = useSendMessage(chat.id, actor);
  const markRead = useMarkRead(chat.id, actor);
  const sentFor = useRef<string | null>(null);
  const takesPart = chat.participants.some(
    (p) => p.person.kind === me.kind && p.person.id === me.id,
  );
  // Never from view-as (read-only) nor for someone who only looks in without taking part.
  const canMarkRead = !me.viewAs && chat.can.write && takesPart;
  const lastReadId = chat.lastReadId;
  const { mutate } = markRead;
  const onSeen = useCallback(
    (id: string) => {
      if (!canMarkRead || sentFor.current === id) return;
      if (BigInt(id) <= BigInt(lastReadId)) return;
      sentFor.current = id;
      mutate(id, { onError: () => (sentFor.current = null) });
    },
    [canMarkRead, lastReadId, mutate],
  );
  return (
    <ChatActionsContext.Provider value={actions}>
      <MessageList
        chat={chat}
        me={actor}
        onResend={(m) => void resend(m)}
        onSeen={onSeen}
        footer={
          chat.can.write && !me.viewAs ? (
            <SendForm
              chatId={chat.id}
              canApprove={me.kind === 'staff' && chat.can.manage}
              onSend={(input, attachments) => void send(input, attachments)}
              replacing={replacing}
              onStopReplacing={() => setReplacing(null)}
            />
          ) : (
            <ReadOnlyNote viewAs={Boolean(me.viewAs)} />
          )
        }
      />
    </ChatActionsContext.Provider>
  );
}

export function ChatPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe().data;
  const chat = useChat(id);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'messages';

  if (chat.isPending || !me) return <PageLoader />;
  if (isNotFound(chat.error)) {
    return (
      <CenteredMessage
        title={t('chat.notFound')}
        text={t('chat.notFoundText')}
        linkTo={paths.chats}
        linkLabel={t('chat.toList')}
      />
    );
  }
  if (!chat.data) return <ErrorAlert error={chat.error} onRetry={() => void chat.refetch()} />;
  const c = chat.data;
  return (
    <Stack gap="sm">
      <Anchor component={Link} to={paths.chats} size="sm" visibleFrom="sm">
        <Group gap={4}>
          <IconArrowLeft size={16} aria-hidden />
          {t('chat.toList')}
        </Group>
      </Anchor>
      <ChatHeader chat={c} isStaff={me.kind === 'staff'} />
      <Tabs
        value={tab}
        onChange={(v) => setSearch(v && v !== 'messages' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <ScrollingTabsList active={tab}>
          {TABS.map((key) => (
            <Tabs.Tab
              key={key}
              value={key}
              data-testid={`chat-tab-${key}`}
              rightSection={
                key === 'participants' ? (
                  <Badge size="sm" variant="light" color="gray" circle>
                    {c.participants.length}
                  </Badge>
                ) : undefined
              }
            >
              {t(`chat.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </ScrollingTabsList>
        <Tabs.Panel value="messages" pt="sm">
          <ConnectionNote />
          <Conversation chat={c} me={me} />
        </Tabs.Panel>
        <Tabs.Panel value="materials" pt="md">
          <MaterialsTab chatId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="participants" pt="md">
          <ParticipantsTab chat={c} me={actorOf(me)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
