import { Anchor, Card, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { ApiError } from '../../../lib/api';
import { formatDateTime, localeOf } from '../../../lib/format';
import { paths } from '../../../lib/paths';
import { formatPhone } from '../../../lib/phone';
import { useDevOutbox } from '../api/outbox';

/** The dev SMS outbox: login codes appear here outside production. */
export function DevOutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useDevOutbox();
  const locale = localeOf(i18n.language);
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
        <Text c="dimmed" size="sm">
          {t('dev.hint')}
        </Text>
        {outbox.isPending ? (
          <PageLoader />
        ) : outbox.error instanceof ApiError && outbox.error.status === 404 ? (
          <Text>{t('dev.unavailable')}</Text>
        ) : outbox.error ? (
          <ErrorAlert error={outbox.error} />
        ) : outbox.data?.length ? (
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={480}>
              <Table verticalSpacing="sm" data-testid="outbox">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dev.time')}</Table.Th>
                    <Table.Th>{t('dev.phone')}</Table.Th>
                    <Table.Th>{t('dev.text')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {outbox.data.map((m) => (
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
            </Table.ScrollContainer>
          </Card>
        ) : (
          <Text c="dimmed">{t('dev.empty')}</Text>
        )}
      </Stack>
    </Container>
  );
}
