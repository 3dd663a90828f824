import {
  ActionIcon,
  Alert,
  Box,
  CloseButton,
  FileButton,
  Group,
  Paper,
  Progress,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconLock, IconPaperclip, IconSend, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_LIMITS } from '@kabinet/shared';
import { CharCounter } from '../../../components/CharCounter';
import { ApiError } from '../../../lib/api';
import { localeOf, todayIso } from '../../../lib/format';
import { useCompactLayout } from '../../../lib/use-compact';
import { uploadAttachment, type Attachment } from '../api/attachments';
import type { ChatMessage, SendInput } from '../api/messages';
import { newClientId } from '../api/send';
import { loadDraft, saveDraft } from '../draft';
import classes from './Chat.module.css';
import { uploadErrorText } from './upload-errors';

interface PendingFile {
  key: string;
  name: string;
  progress: number;
  status: 'uploading' | 'done' | 'error';
  attachment?: Attachment;
  error?: string;
  abort?: AbortController;
}

let fileSeq = 0;

/** Enter sends; Shift+Enter (and Enter while an input method composes) makes a new line. */
export function isSendKey(e: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'nativeEvent'>): boolean {
  return (
    e.key === 'Enter' && !e.shiftKey && !(e.nativeEvent as { isComposing?: boolean }).isComposing
  );
}

/**
 * The send form: text with a draft kept per chat, files by picker, drag & drop or paste
 * (uploaded at once, with progress and readable refusals), and for managers "requires approval"
 * with an optional deadline. Sending hands the message to `onSend` and clears the form.
 */
export function SendForm({
  chatId,
  canApprove,
  onSend,
  replacing = null,
  onStopReplacing,
}: {
  chatId: string;
  canApprove: boolean;
  onSend: (input: SendInput, attachments: Attachment[]) => void;
  /** A message whose picture the next one is a new version of (staff chose "new version"). */
  replacing?: ChatMessage | null;
  onStopReplacing?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  // Phones: the hint about Enter would take three lines of the field.
  const compact = useCompactLayout();
  const [text, setText] = useState(() => loadDraft(chatId));
  const [files, setFiles] = useState<PendingFile[]>([]);
  const [approval, setApproval] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const filesRef = useRef(files);
  useEffect(() => {
    filesRef.current = files;
  }, [files]);

  // A new version is put up for approval like the one it replaces.
  const [replacingId, setReplacingId] = useState<string | null>(null);
  if ((replacing?.id ?? null) !== replacingId) {
    setReplacingId(replacing?.id ?? null);
    if (replacing) setApproval(Boolean(replacing.approval) || approval);
  }

  // Another chat opened in the same page: its own draft.
  const [shownChat, setShownChat] = useState(chatId);
  if (shownChat !== chatId) {
    setShownChat(chatId);
    setText(loadDraft(chatId));
    setFiles([]);
  }
  useEffect(() => () => filesRef.current.forEach((f) => f.abort?.abort()), []);

  const update = (key: string, patch: Partial<PendingFile>) =>
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));

  const addFiles = (picked: File[]) => {
    setNotice(null);
    const room = CHAT_LIMITS.filesPerMessage - files.length;
    if (picked.length > room)
      setNotice(t('chat.form.tooManyFiles', { max: CHAT_LIMITS.filesPerMessage }));
    const added: PendingFile[] = [];
    for (const file of picked.slice(0, Math.max(0, room))) {
      const key = `f${(fileSeq += 1)}`;
      if (file.size > CHAT_LIMITS.fileBytes) {
        added.push({
          key,
          name: file.name,
          progress: 0,
          status: 'error',
          error: uploadErrorText(t, file.name, new ApiError(413, {}), locale),
        });
        continue;
      }
      const abort = new AbortController();
      added.push({ key, name: file.name, progress: 0, status: 'uploading', abort });
      uploadAttachment(chatId, file, (p) => update(key, { progress: p }), abort.signal).then(
        (attachment) => update(key, { status: 'done', progress: 1, attachment, abort: undefined }),
        (error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          update(key, {
            status: 'error',
            error: uploadErrorText(t, file.name, error, locale),
            abort: undefined,
          });
        },
      );
    }
    setFiles((list) => [...list, ...added]);
  };

  const changeText = (value: string) => {
    setText(value);
    saveDraft(chatId, value);
  };

  const submit = () => {
    const body = text.trim();
    const ready = files.filter((f) => f.status === 'done' && f.attachment);
    if (files.some((f) => f.status === 'uploading')) {
      setNotice(t('chat.form.waitUploads'));
      return;
    }
    if (!body && ready.length === 0) return;
    if (approval && deadline && deadline < todayIso()) {
      setNotice(t('chat.approval.deadlinePast'));
      return;
    }
    if (body.length > CHAT_LIMITS.messageLength) return;
    const attachments = ready.map((f) => f.attachment!);
    onSend(
      {
        clientId: newClientId(),
        body,
        ...(attachments.length ? { attachmentIds: attachments.map((a) => a.id) } : {}),
        ...(approval ? { requiresApproval: true, approvalDeadline: deadline || null } : {}),
        ...(replacing ? { replacesMessageId: replacing.id } : {}),
      },
      attachments,
    );
    onStopReplacing?.();
    changeText('');
    setFiles([]);
    setApproval(false);
    setDeadline('');
    setNotice(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (isSendKey(e)) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <Box className={classes.form} data-testid="send-form">
      <Dropzone.FullScreen
        onDrop={addFiles}
        multiple
        maxFiles={CHAT_LIMITS.filesPerMessage}
        data-testid="dropzone"
      >
        <Group justify="center" mih={160} style={{ pointerEvents: 'none' }}>
          <IconUpload size={40} aria-hidden />
          <Text size="lg">{t('chat.form.drop')}</Text>
        </Group>
      </Dropzone.FullScreen>
      <Stack gap={6}>
        {replacing && (
          <Paper withBorder px="xs" py={4} radius="sm" bg="blue.0" data-testid="replacing">
            <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
              <Box miw={0}>
                <Text size="xs" fw={600} truncate="end">
                  {t('chat.approval.newVersionOf', {
                    preview:
                      replacing.body.slice(0, 80) ||
                      replacing.attachments.find((a) => a.kind === 'image')?.name ||
                      '',
                  })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('chat.approval.newVersionHint')}
                </Text>
              </Box>
              <CloseButton
                size="sm"
                aria-label={t('chat.approval.cancelNewVersion')}
                onClick={onStopReplacing}
              />
            </Group>
          </Paper>
        )}
        {files.length > 0 && (
          <Stack gap={4} data-testid="pending-files">
            {files.map((f) => (
              <Paper key={f.key} withBorder px="xs" py={4} radius="sm">
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Box miw={0} style={{ flex: 1 }}>
                    <Text size="xs" truncate="end" title={f.name}>
                      {f.name}
                    </Text>
                    {f.status === 'uploading' && (
                      <Progress
                        value={f.progress * 100}
                        size="sm"
                        aria-label={t('chat.form.uploading', {
                          percent: Math.round(f.progress * 100),
                        })}
                      />
                    )}
                    {f.status === 'error' && (
                      <Text size="xs" c="red.7" data-testid="upload-error">
                        {f.error}
                      </Text>
                    )}
                  </Box>
                  <CloseButton
                    size="sm"
                    aria-label={t('chat.form.removeFile', { name: f.name })}
                    onClick={() => {
                      f.abort?.abort();
                      setFiles((list) => list.filter((x) => x.key !== f.key));
                    }}
                  />
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {notice && (
          <Text size="xs" c="red.7" data-testid="form-notice">
            {notice}
          </Text>
        )}
        {canApprove && (
          <Group gap="sm" wrap="wrap">
            <Switch
              checked={approval}
              onChange={(e) => setApproval(e.currentTarget.checked)}
              label={t('chat.requiresApproval')}
              size="sm"
              data-testid="requires-approval"
            />
            {approval && (
              <TextInput
                type="date"
                size="xs"
                min={todayIso()}
                value={deadline}
                onChange={(e) => setDeadline(e.currentTarget.value)}
                aria-label={t('chat.approvalDeadline')}
                leftSection={<Text size="xs">{t('chat.approvalDeadline')}</Text>}
                leftSectionWidth={110}
                data-testid="approval-deadline"
              />
            )}
          </Group>
        )}
        <Group gap={6} align="flex-end" wrap="nowrap">
          <FileButton onChange={addFiles} multiple>
            {(props) => (
              <ActionIcon
                {...props}
                variant="subtle"
                size="lg"
                aria-label={t('chat.form.attach')}
                data-testid="attach"
              >
                <IconPaperclip size={20} />
              </ActionIcon>
            )}
          </FileButton>
          <Textarea
            value={text}
            onChange={(e) => changeText(e.currentTarget.value)}
            onKeyDown={onKeyDown}
            onPaste={(e) => {
              const pasted = [...e.clipboardData.files];
              if (pasted.length > 0) {
                e.preventDefault();
                addFiles(pasted);
              }
            }}
            placeholder={t(compact ? 'chat.form.placeholderShort' : 'chat.form.placeholder')}
            aria-label={t('chat.form.label')}
            autosize
            minRows={1}
            maxRows={6}
            style={{ flex: 1 }}
            data-testid="message-input"
          />
          <ActionIcon
            size="lg"
            onClick={submit}
            aria-label={t('chat.form.send')}
            data-testid="send"
          >
            <IconSend size={18} />
          </ActionIcon>
        </Group>
        <CharCounter length={text.length} max={CHAT_LIMITS.messageLength} from={0.8} />
      </Stack>
    </Box>
  );
}

/** In place of the form when the reader may not write: a read-only share or view-as. */
export function ReadOnlyNote({ viewAs }: { viewAs: boolean }) {
  const { t } = useTranslation();
  return (
    <Box className={classes.form}>
      <Alert
        color="gray"
        variant="light"
        icon={<IconLock size={18} />}
        data-testid="read-only-note"
      >
        {t(viewAs ? 'chat.form.viewAs' : 'chat.form.readOnly')}
      </Alert>
    </Box>
  );
}
