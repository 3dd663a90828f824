import {
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { CHANGE_REQUEST_STATUSES, TEXT_LIMITS, type ChangeRequestStatus } from '@kabinet/shared';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangeRequestStatusBadge } from '../../../components/ChangeRequestStatusBadge';
import { CharCounter } from '../../../components/CharCounter';
import { apiFieldMessage } from '../../../components/Form';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListPager } from '../../../components/ListPager';
import { PageLoader } from '../../../components/PageLoader';
import { UserText } from '../../../components/UserText';
import { ApiError } from '../../../lib/api';
import { formatDateTime, localeOf } from '../../../lib/format';
import { formatRequestValue } from '../../../lib/phone';
import { usePagedQuery } from '../../../lib/use-paged-query';
import { useUrlParams } from '../../../lib/use-url-params';
import {
  REQUESTS_PAGE_SIZE,
  changeRequestsQuery,
  type StaffChangeRequest,
} from '../api/list-change-requests';
import { useResolveChangeRequest } from '../api/resolve-change-request';

type Decision = 'done' | 'rejected';

/** Done or rejected, with a comment for the customer (required when rejecting). */
function ResolveDialog({
  request,
  decision,
  onClose,
}: {
  request: StaffChangeRequest;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const resolve = useResolveChangeRequest();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const over = text.trim().length > TEXT_LIMITS.resolution;
  const submit = () => {
    const resolution = text.trim();
    if (decision === 'rejected' && !resolution) {
      setMissing(true);
      return;
    }
    if (over) return;
    resolve.mutate(
      { id: request.id, body: { status: decision, resolution: resolution || undefined } },
      { onSuccess: onClose },
    );
  };
  const serverField =
    resolve.error instanceof ApiError
      ? resolve.error.problem.fields?.find((f) => f.path === 'resolution')
      : undefined;
  const fieldError =
    (missing && t('changeRequests.resolutionRequired')) ||
    (over && t('validation.tooLong', { max: TEXT_LIMITS.resolution })) ||
    (serverField && apiFieldMessage(t, serverField));
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t(decision === 'done' ? 'changeRequests.doneTitle' : 'changeRequests.rejectTitle')}
    >
      <Stack>
        <Text size="sm">
          {request.customerName}: {t(`profile.fields.${request.field}`)} →{' '}
          <b>{formatRequestValue(request.field, request.value)}</b>
        </Text>
        {decision === 'done' && (
          <Text size="sm" c="dimmed">
            {t('changeRequests.doneHint')}
          </Text>
        )}
        <Textarea
          label={t('changeRequests.resolution')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setMissing(false);
          }}
          autosize
          minRows={3}
          maxRows={12}
          required={decision === 'rejected'}
          error={fieldError || undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={<CharCounter length={text.trim().length} max={TEXT_LIMITS.resolution} />}
          data-testid="resolution-input"
        />
        {!fieldError && <ErrorAlert error={resolve.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('changeRequests.cancel')}
          </Button>
          <Button
            color={decision === 'done' ? 'green' : 'red'}
            loading={resolve.isPending}
            onClick={submit}
            data-testid="resolution-save"
          >
            {t('changeRequests.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function RequestCard({
  r,
  onDecide,
}: {
  r: StaffChangeRequest;
  onDecide: (decision: Decision) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <Card withBorder radius="md" padding="md" data-testid="staff-change-request">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <UserText fw={600}>{r.customerName}</UserText>
          <ChangeRequestStatusBadge status={r.status} />
        </Group>
        <Text style={{ overflowWrap: 'anywhere' }}>
          {t(`profile.fields.${r.field}`)}: <b>{formatRequestValue(r.field, r.value)}</b>
        </Text>
        {r.previousValue && (
          <Text size="sm" c="dimmed">
            {t('changeRequests.previous', { value: formatRequestValue(r.field, r.previousValue) })}
          </Text>
        )}
        {r.comment && (
          <UserText size="sm" data-testid="staff-change-request-comment">
            {t('changeRequests.comment', { text: r.comment })}
          </UserText>
        )}
        <Text size="xs" c="dimmed">
          {t('changeRequests.created', { time: formatDateTime(r.createdAt, locale) })}
        </Text>
        {r.resolvedAt && (
          <UserText size="sm">
            {t('changeRequests.resolved', {
              status: t(`profile.statuses.${r.status}`),
              name: r.resolvedByName ?? '—',
              time: formatDateTime(r.resolvedAt, locale),
            })}
            {r.resolution ? ` — ${r.resolution}` : ''}
          </UserText>
        )}
        {r.status === 'pending' && (
          <Group gap="sm" mt={4}>
            <Button
              size="xs"
              color="green"
              leftSection={<IconCheck size={14} />}
              onClick={() => onDecide('done')}
              data-testid="request-done"
            >
              {t('changeRequests.done')}
            </Button>
            <Button
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconX size={14} />}
              onClick={() => onDecide('rejected')}
              data-testid="request-reject"
            >
              {t('changeRequests.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Staff: customers' requests to change their phone or e-mail, newest first; mark done or rejected. */
export function ChangeRequestsPage() {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlParams();
  const status: ChangeRequestStatus =
    CHANGE_REQUEST_STATUSES.find((s) => s === params.get('status')) ?? 'pending';
  const {
    query: list,
    items,
    total,
    page,
    setPage,
  } = usePagedQuery((page) => changeRequestsQuery({ status, page }));
  const [deciding, setDeciding] = useState<{ r: StaffChangeRequest; d: Decision } | null>(null);
  /** Changes the status; a new status starts from its first page. */
  const setStatus = (next: ChangeRequestStatus) =>
    updateParams((p) => {
      if (next !== 'pending') p.set('status', next);
      else p.delete('status');
      p.delete('page');
    });
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1} size="h2">
          {t('changeRequests.title')}
        </Title>
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as ChangeRequestStatus)}
          aria-label={t('changeRequests.filter')}
          data={CHANGE_REQUEST_STATUSES.map((s) => ({
            value: s,
            label: t(`changeRequests.statuses.${s}`),
          }))}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError && !list.data ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {t('changeRequests.empty')}
        </Text>
      ) : (
        <Stack gap="sm" data-testid="change-requests-list">
          {items.map((r) => (
            <RequestCard key={r.id} r={r} onDecide={(d) => setDeciding({ r, d })} />
          ))}
        </Stack>
      )}
      <ListPager
        page={page}
        total={total}
        pageSize={REQUESTS_PAGE_SIZE}
        onChange={setPage}
        label={t('changeRequests.count', { count: total })}
      />
      {deciding && (
        <ResolveDialog
          request={deciding.r}
          decision={deciding.d}
          onClose={() => setDeciding(null)}
        />
      )}
    </Stack>
  );
}
