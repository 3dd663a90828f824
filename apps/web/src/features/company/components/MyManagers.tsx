import { Divider, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmailButton, PhoneButton } from '../../../components/ContactButtons';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useProfile } from '../../profile';

/**
 * The customer's responsible managers (those of open contracts first, from the profile) with
 * call and write buttons. Only for customers: the profile is theirs.
 */
export function MyManagers({ limit }: { limit?: number }) {
  const { t } = useTranslation();
  const profile = useProfile();
  if (profile.isPending) return <Skeleton h={80} />;
  if (profile.isError) {
    return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  }
  const managers = profile.data.managers.slice(0, limit);
  if (managers.length === 0) return <Text c="dimmed">{t('contacts.noManager')}</Text>;
  return (
    <Stack gap="sm">
      {managers.map((m, i) => (
        <Stack key={`${m.fullName}-${i}`} gap={6} data-testid="my-manager">
          {i > 0 && <Divider />}
          <Text fw={600}>{m.fullName}</Text>
          {m.phone || m.email ? (
            <Group gap="xs">
              {m.phone && <PhoneButton phone={m.phone} testId="my-manager-phone" />}
              {m.email && <EmailButton email={m.email} testId="my-manager-email" />}
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {t('contacts.noManagerContacts')}
            </Text>
          )}
        </Stack>
      ))}
    </Stack>
  );
}
