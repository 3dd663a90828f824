import { Anchor, Card, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPhone } from '@kabinet/shared';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDateTime, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { useCompactLayout } from '../../../lib/use-compact';
import { isUnavailable, useDevOutbox, type OutboxMessage } from '../api/outbox';

function Messages({ messages }: { messages: OutboxMessage[] }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const compact = useCompactLayout();
  if (compact) {
    return (
      <Stack gap="sm" data-testid="outbox">
        {messages.map((m) => (
          <Card key={m.id} withBorder padding="sm">
            <Group justify="space-between" gap="xs">
              <Text fw={600}>{formatPhone(m.phone)}</Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(m.createdAt, locale)}
              </Text>
            </Group>
            <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {m.text}
            </Text>
          </Card>
        ))}
      </Stack>
    );
  }
  return (
    <Card withBorder padding={0}>
      <Table verticalSpacing="sm" data-testid="outbox">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dev.time')}</Table.Th>
            <Table.Th>{t('dev.phone')}</Table.Th>
            <Table.Th>{t('dev.text')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(m.createdAt, locale)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatPhone(m.phone)}</Table.Td>
              <Table.Td>{m.text}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** The dev SMS outbox: login codes appear here outside production. */
export function DevOutboxPage() {
  const { t } = useTranslation();
  const outbox = useDevOutbox();
  return (
    <Container size="md" py="lg">
      <Stack>
        <Group justify="space-between">
          <Title order={1} size="h2">
            {t('dev.title')}
          </Title>
          <Anchor component={Link} to={paths.login}>
            {t('dev.toLogin')}
          </Anchor>
        </Group>
        {outbox.isPending ? (
          <PageLoader />
        ) : isUnavailable(outbox.error) ? (
          <Text>{t('dev.unavailable')}</Text>
        ) : !outbox.data ? (
          <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />
        ) : (
          <>
            <Text c="dimmed" size="sm">
              {t('dev.hint')}
            </Text>
            {outbox.data.length ? (
              <Messages messages={outbox.data} />
            ) : (
              <Text c="dimmed">{t('dev.empty')}</Text>
            )}
          </>
        )}
      </Stack>
    </Container>
  );
}
