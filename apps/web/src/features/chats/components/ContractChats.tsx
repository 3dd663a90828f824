import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDate, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useMe } from '../../me';
import { useContractChats, useOpenChat } from '../api/chats';
import { ChatSummary } from './ChatPreview';
import { ContractApprovals } from './ContractApprovals';

/** A contract's chats with a link to each; staff who manage chats open a new one here. */
export function ContractChats({
  contractId,
  customerId,
}: {
  contractId: string;
  customerId: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const me = useMe().data;
  const navigate = useNavigate();
  const chats = useContractChats(contractId);
  const open = useOpenChat();
  const canOpen = me?.kind === 'staff' && me.permissions.includes('chat.manage') && !me.viewAs;
  const items = chats.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Stack gap="sm" data-testid="contract-chats">
        {canOpen && (
          <Group>
            <Button
              leftSection={<IconMessagePlus size={16} />}
              variant="light"
              loading={open.isPending}
              onClick={() =>
                open.mutate(
                  { customerId, contractId },
                  { onSuccess: (chat) => void navigate(paths.chat(chat.id)) },
                )
              }
              data-testid="open-chat"
            >
              {t('chats.contractBlock.open')}
            </Button>
          </Group>
        )}
        {open.isError && <ErrorAlert error={open.error} />}
        {chats.isPending ? (
          <PageLoader />
        ) : chats.isError ? (
          <ErrorAlert error={chats.error} onRetry={() => void chats.refetch()} />
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('chats.contractBlock.empty')}</Text>
        ) : (
          items.map((c) => (
            <Card
              key={c.id}
              component={Link}
              to={paths.chat(c.id)}
              withBorder
              padding="sm"
              radius="md"
              data-testid="contract-chat"
            >
              <ChatSummary
                item={c}
                below={
                  <Text size="xs" c="dimmed">
                    {t('chats.createdAt', { date: formatDate(c.createdAt, locale) })}
                  </Text>
                }
              />
            </Card>
          ))
        )}
      </Stack>
      <ContractApprovals contractId={contractId} />
    </Stack>
  );
}
