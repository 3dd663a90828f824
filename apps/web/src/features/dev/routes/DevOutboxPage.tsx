import { Anchor, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPhone } from '@kabinet/shared';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { formatDateTime, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { ResponsiveList } from '../../../components/ResponsiveList';
import { isUnavailable, useDevOutbox, type OutboxMessage } from '../api/outbox';

function Messages({ messages }: { messages: OutboxMessage[] }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (
    <ResponsiveList<OutboxMessage>
      items={messages}
      itemKey={(m) => m.id}
      table={{ verticalSpacing: 'sm', withTableBorder: true }}
      testId="outbox"
      columns={[
        {
          key: 'time',
          head: t('dev.time'),
          nowrap: true,
          cell: (m) => formatDateTime(m.createdAt, locale),
        },
        { key: 'phone', head: t('dev.phone'), nowrap: true, cell: (m) => formatPhone(m.phone) },
        { key: 'text', head: t('dev.text'), cell: (m) => m.text },
      ]}
      card={(m) => (
        <Card withBorder padding="sm">
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
      )}
    />
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
