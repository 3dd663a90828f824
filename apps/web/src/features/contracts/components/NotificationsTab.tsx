import { Card, Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotificationItem } from '../../../components/NotificationItem';
import type { Contract } from '../api/get-contract';

export function NotificationsTab({ c }: { c: Contract }) {
  const { t } = useTranslation();
  if (!c.notifications.length) return <Text c="dimmed">{t('contract.noNotifications')}</Text>;
  return (
    <Card withBorder radius="md" padding="md" data-testid="contract-notifications">
      <Stack gap="sm">
        {c.notifications.map((n, i) => (
          <Stack key={n.id} gap="sm">
            {i > 0 && <Divider />}
            <NotificationItem n={n} />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
