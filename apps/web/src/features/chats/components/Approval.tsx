import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import {
  IconCheck,
  IconDots,
  IconHistory,
  IconReplace,
  IconRotate2,
  IconSignature,
  IconX,
} from '@tabler/icons-react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CHAT_LIMITS } from '@kabinet/shared';
import { CharCounter } from '../../../components/CharCounter';
import { ErrorAlert } from '../../../components/ErrorAlert';
import {
  applyFieldErrors,
  Form,
  tooLong,
  useFieldError,
  useZodForm,
} from '../../../components/Form';
import { formatDate, formatDateTime, localeOf, todayIso } from '../../../lib/format';
import type { Chat, ChatActor } from '../api/chats';
import type { ChatMessage } from '../api/messages';
import { useDecide, useRequestApproval, type ApprovalAction } from '../api/approvals';
import { approvalRules } from '../approval-rules';

/** What the open chat lets me do with its messages (the chat page provides it). */
export interface ChatActions {
  chat: Chat;
  me: ChatActor;
  /** View-as: staff look at the customer's cabinet and change nothing. */
  viewAs: boolean;
  /** Staff start a new version of a message's picture in the send form. */
  onNewVersion: (m: ChatMessage) => void;
}

export const ChatActionsContext = createContext<ChatActions | null>(null);

export function useChatActions(): ChatActions | null {
  return useContext(ChatActionsContext);
}

/** An approval state's colour, in the chat and in the contract's list. */
export const STATE_COLOR = {
  pending: 'orange',
  approved: 'teal',
  rejected: 'red',
  revoked: 'gray',
};

const reasonSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, 'chat.approval.reasonRequired')
    .max(CHAT_LIMITS.reasonLength, tooLong(CHAT_LIMITS.reasonLength)),
});

/** A dialog's Cancel and its action (submitting the form unless `onClick` is given). */
function DialogButtons({
  onCancel,
  label,
  loading,
  testId,
  color,
  icon,
  onClick,
}: {
  onCancel: () => void;
  label: string;
  loading: boolean;
  testId: string;
  color?: string;
  icon?: ReactNode;
  onClick?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t('chat.approval.cancel')}
      </Button>
      <Button
        type={onClick ? 'button' : 'submit'}
        color={color}
        leftSection={icon}
        loading={loading}
        onClick={onClick}
        data-testid={testId}
      >
        {label}
      </Button>
    </Group>
  );
}

/** Reject (the customer) or revoke (staff): a reason is required and shown to the other side. */
function ReasonDialog({
  action,
  chatId,
  messageId,
  onClose,
}: {
  action: 'reject' | 'revoke';
  chatId: string;
  messageId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecide(chatId, messageId);
  const form = useZodForm(reasonSchema, { defaultValues: { reason: '' } });
  const fieldError = useFieldError(form);
  const length = form.watch('reason').length;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(action === 'reject' ? 'chat.approval.rejectTitle' : 'chat.approval.revokeTitle')}
      centered
      data-testid="approval-reason-dialog"
    >
      <Form
        form={form}
        onSubmit={({ reason }) =>
          decide.mutate(
            { action, reason },
            { onSuccess: onClose, onError: (err) => applyFieldErrors(form, err) },
          )
        }
      >
        <Stack gap="sm">
          <Textarea
            label={t(
              action === 'reject' ? 'chat.approval.rejectLabel' : 'chat.approval.revokeLabel',
            )}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
            error={fieldError('reason')}
            data-testid="approval-reason"
            {...form.register('reason')}
          />
          <CharCounter length={length} max={CHAT_LIMITS.reasonLength} from={0.8} />
          <ErrorAlert error={decide.error} />
          <DialogButtons
            onCancel={onClose}
            label={t(action === 'reject' ? 'chat.approval.reject' : 'chat.approval.revoke')}
            color={action === 'reject' ? 'red' : undefined}
            loading={decide.isPending}
            testId="approval-reason-submit"
          />
        </Stack>
      </Form>
    </Modal>
  );
}

/** The customer confirms an approval: it is a decision the work goes ahead on. */
function ApproveDialog({ m, onClose }: { m: ChatMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useDecide(m.chatId, m.id);
  const picture = m.attachments.find((a) => a.id === m.approval?.attachmentId);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('chat.approval.approveTitle')}
      centered
      data-testid="approve-dialog"
    >
      <Stack gap="sm">
        <Text size="sm">{t('chat.approval.approveText')}</Text>
        {picture && (
          <Text size="sm" fw={500}>
            {t('chat.approval.approvePicture', {
              name: picture.name,
              version: m.approval?.version ?? 1,
            })}
          </Text>
        )}
        <ErrorAlert error={decide.error} />
        <DialogButtons
          onCancel={onClose}
          label={t('chat.approval.approve')}
          color="teal"
          icon={<IconCheck size={16} />}
          loading={decide.isPending}
          onClick={() => decide.mutate({ action: 'approve' }, { onSuccess: onClose })}
          testId="approve-confirm"
        />
      </Stack>
    </Modal>
  );
}

/** Who did what and when (and why): every step of the approval, oldest first. */
function ApprovalHistory({ m }: { m: ChatMessage }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const steps = m.approval?.steps ?? [];
  return (
    <Timeline bulletSize={14} lineWidth={2} data-testid="approval-history">
      {steps.map((s, i) => (
        <Timeline.Item
          key={`${s.action}-${s.at}-${i}`}
          color={
            s.action === 'approved'
              ? 'teal'
              : s.action === 'rejected'
                ? 'red'
                : s.action === 'revoked'
                  ? 'gray'
                  : 'orange'
          }
          title={
            <Text size="xs" fw={600}>
              {t(`chat.approval.steps.${s.action}`)}
            </Text>
          }
          data-testid="approval-step"
        >
          <Text size="xs" c="dimmed">
            {t('chat.approval.stepBy', { name: s.by.name, date: formatDateTime(s.at, locale) })}
          </Text>
          {s.reason && (
            <Text size="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('chat.approval.reason', { reason: s.reason })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

/**
 * A message put up for approval: its state (and version, deadline, the reason of the last
 * rejection or revocation), the customer's Approve / Reject, staff's Revoke, and the history.
 */
export function ApprovalBlock({ m }: { m: ChatMessage }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const actions = useChatActions();
  const [dialog, setDialog] = useState<ApprovalAction | null>(null);
  const [history, setHistory] = useState(false);
  const a = m.approval;
  if (!a) return null;
  const last = a.steps.at(-1);
  const rules = approvalRules(m, actions);
  const { waiting, overdue } = rules;
  // The customer's Approve and Reject, or staff's Revoke.
  const actionButtons: Array<{
    action: ApprovalAction;
    color: string;
    variant: 'filled' | 'light';
    Icon: typeof IconX;
  }> = [
    ...(rules.decide
      ? [
          {
            action: 'approve' as const,
            color: 'teal',
            variant: 'filled' as const,
            Icon: IconCheck,
          },
          { action: 'reject' as const, color: 'red', variant: 'light' as const, Icon: IconX },
        ]
      : []),
    ...(rules.revoke
      ? [{ action: 'revoke' as const, color: 'gray', variant: 'light' as const, Icon: IconRotate2 }]
      : []),
  ];
  return (
    <Stack gap={6} data-testid="approval" data-state={a.state}>
      <Group gap={6} wrap="wrap">
        <Badge color={STATE_COLOR[a.state]} variant="light" data-testid="message-approval">
          {t(`chat.approvalState.${a.state}`)}
        </Badge>
        {a.version > 1 && (
          <Badge color="gray" variant="outline" data-testid="approval-version">
            {t('chat.approval.version', { version: a.version })}
          </Badge>
        )}
        {a.deadline && waiting && (
          <Text size="xs" c={overdue ? 'red.7' : 'dimmed'} fw={overdue ? 600 : undefined}>
            {t('chat.deadline', { date: formatDate(a.deadline, locale) })}
            {overdue && ` · ${t('chat.approval.overdue')}`}
          </Text>
        )}
      </Group>
      {a.replacedById && (
        <Text size="xs" c="dimmed" data-testid="approval-replaced">
          {t('chat.approval.replaced')}
        </Text>
      )}
      {last?.reason && (last.action === 'rejected' || last.action === 'revoked') && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span fw={600} size="sm">
            {t(`chat.approval.steps.${last.action}`)}:
          </Text>{' '}
          {last.reason}
        </Text>
      )}
      {actionButtons.length > 0 && (
        <Group gap="xs">
          {actionButtons.map(({ action, color, variant, Icon }) => (
            <Button
              key={action}
              size="xs"
              color={color}
              variant={variant}
              leftSection={<Icon size={14} />}
              onClick={() => setDialog(action)}
              data-testid={action}
            >
              {t(`chat.approval.${action}`)}
            </Button>
          ))}
        </Group>
      )}
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={() => setHistory((v) => !v)}
        aria-expanded={history}
        data-testid="approval-history-toggle"
        style={{ alignSelf: 'flex-start' }}
      >
        <Group gap={4}>
          <IconHistory size={14} aria-hidden />
          {t('chat.approval.history')} ({a.steps.length})
        </Group>
      </Anchor>
      {history && <ApprovalHistory m={m} />}
      {dialog === 'approve' && <ApproveDialog m={m} onClose={() => setDialog(null)} />}
      {(dialog === 'reject' || dialog === 'revoke') && (
        <ReasonDialog
          action={dialog}
          chatId={m.chatId}
          messageId={m.id}
          onClose={() => setDialog(null)}
        />
      )}
    </Stack>
  );
}

const requestSchema = z.object({
  // The API refuses a day in the past too; said here in the reader's language first.
  deadline: z.string().refine((d) => d === '' || d >= todayIso(), 'chat.approval.deadlinePast'),
  attachmentId: z.string(),
});

/** Staff ask for approval of a message sent without it: a deadline and, of several, the picture. */
function RequestDialog({ m, onClose }: { m: ChatMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const request = useRequestApproval(m.chatId, m.id);
  const images = m.attachments.filter((a) => a.kind === 'image');
  const form = useZodForm(requestSchema, {
    defaultValues: { deadline: '', attachmentId: images[0]?.id ?? '' },
  });
  const fieldError = useFieldError(form);
  const picked = form.watch('attachmentId');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('chat.approval.requestTitle')}
      centered
      data-testid="request-approval-dialog"
    >
      <Form
        form={form}
        onSubmit={({ deadline, attachmentId }) =>
          request.mutate(
            { deadline: deadline || null, attachmentId: attachmentId || null },
            { onSuccess: onClose, onError: (err) => applyFieldErrors(form, err) },
          )
        }
      >
        <Stack gap="sm">
          <Text size="sm">{t('chat.approval.requestText')}</Text>
          <TextInput
            type="date"
            label={t('chat.approval.deadline')}
            min={todayIso()}
            error={fieldError('deadline')}
            data-testid="request-deadline"
            {...form.register('deadline')}
          />
          {images.length > 1 && (
            <Radio.Group
              label={t('chat.approval.picture')}
              value={picked}
              onChange={(v) => form.setValue('attachmentId', v)}
              error={fieldError('attachmentId')}
            >
              <Stack gap={4} mt={4}>
                {images.map((img) => (
                  <Radio key={img.id} value={img.id} label={img.name} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <ErrorAlert error={request.error} />
          <DialogButtons
            onCancel={onClose}
            label={t('chat.approval.requestSubmit')}
            loading={request.isPending}
            testId="request-approval-submit"
          />
        </Stack>
      </Form>
    </Modal>
  );
}

/**
 * Staff's menu on a message: ask for approval (a message without one) and send a new version of
 * its picture (a message with a picture no newer version replaces yet).
 */
export function MessageMenu({ m }: { m: ChatMessage }) {
  const { t } = useTranslation();
  const actions = useChatActions();
  const [requesting, setRequesting] = useState(false);
  const rules = approvalRules(m, actions);
  const canRequest = rules.request;
  const canReplace = rules.newVersion;
  if (!actions || (!canRequest && !canReplace)) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label={t('chat.approval.actions')}
            data-testid="message-menu"
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {canRequest && (
            <Menu.Item
              leftSection={<IconSignature size={16} />}
              onClick={() => setRequesting(true)}
              data-testid="request-approval"
            >
              {t('chat.approval.request')}
            </Menu.Item>
          )}
          {canReplace && (
            <Menu.Item
              leftSection={<IconReplace size={16} />}
              onClick={() => actions.onNewVersion(m)}
              data-testid="new-version"
            >
              {t('chat.approval.newVersion')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {requesting && <RequestDialog m={m} onClose={() => setRequesting(false)} />}
    </>
  );
}
