import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListPager } from '../../../components/ListPager';
import { formatDate, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { APPROVALS_PAGE_SIZE, useContractApprovals } from '../api/approvals';
import { STATE_COLOR } from './Approval';

/**
 * The contract's approvals, newest first: what was put up (the message's start, the picture and
 * its version), its state with the last decision's reason, the deadline (red once passed while
 * waiting), and the chat it is in.
 */
export function ContractApprovals({ contractId }: { contractId: string }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const [page, setPage] = useState(1);
  const list = useContractApprovals(contractId, page);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="sm" data-testid="contract-approvals">
      <Title order={2} size="h4">
        <Group gap={6} component="span">
          <IconSignature size={20} aria-hidden />
          {t('chat.approval.listTitle')}
        </Group>
      </Title>
      {list.isPending ? (
        <Skeleton h={80} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <Text c="dimmed">{t('chat.approval.listEmpty')}</Text>
      ) : (
        items.map((a) => (
          <Card key={a.id} withBorder padding="sm" radius="md" data-testid="contract-approval">
            <Stack gap={4}>
              <Group gap={6} wrap="wrap">
                <Badge color={STATE_COLOR[a.state]} variant="light">
                  {t(`chat.approvalState.${a.state}`)}
                </Badge>
                {a.version > 1 && (
                  <Badge color="gray" variant="outline">
                    {t('chat.approval.version', { version: a.version })}
                  </Badge>
                )}
                {a.deadline && (a.state === 'pending' || a.state === 'revoked') && (
                  <Text
                    size="xs"
                    c={a.overdue ? 'red.7' : 'dimmed'}
                    fw={a.overdue ? 600 : undefined}
                  >
                    {t('chat.deadline', { date: formatDate(a.deadline, locale) })}
                    {a.overdue && ` · ${t('chat.approval.overdue')}`}
                  </Text>
                )}
              </Group>
              <Text size="sm" lineClamp={2} className="user-text">
                {a.preview || a.attachment?.name}
              </Text>
              {a.attachment && a.preview && (
                <Text size="xs" c="dimmed" truncate="end">
                  {a.attachment.name}
                </Text>
              )}
              {a.lastStep.reason &&
                (a.lastStep.action === 'rejected' || a.lastStep.action === 'revoked') && (
                  <Text size="sm" className="user-text">
                    <Text span fw={600} size="sm">
                      {t(`chat.approval.steps.${a.lastStep.action}`)}:
                    </Text>{' '}
                    {a.lastStep.reason}
                  </Text>
                )}
              {a.replacedById && (
                <Text size="xs" c="dimmed">
                  {t('chat.approval.replaced')}
                </Text>
              )}
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t('chat.approval.requestedAt', { date: formatDate(a.requestedAt, locale) })}
                </Text>
                <Anchor component={Link} to={paths.chat(a.chat.id)} size="sm">
                  {t('chat.approval.openInChat', { number: a.chat.number })}
                </Anchor>
              </Group>
            </Stack>
          </Card>
        ))
      )}
      {list.data && (
        <ListPager
          page={page}
          total={list.data.total}
          pageSize={APPROVALS_PAGE_SIZE}
          onChange={setPage}
          label={t('chat.approval.count', { count: list.data.total })}
        />
      )}
    </Stack>
  );
}
