import { Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../../components/SectionCard';
import { useProfile } from '../../profile';
import { MyManagers } from './MyManagers';

/**
 * The customer's managers as a card: "your manager" for one, "your managers" otherwise (also for
 * none, with the "will be assigned" text under it), the hint only when there is someone to ask.
 * Used on Home (a few managers) and on Contacts (all of them).
 */
export function ManagersCard({ testId, limit }: { testId: string; limit?: number }) {
  const { t } = useTranslation();
  const count = useProfile().data?.managers.length ?? 0;
  return (
    <SectionCard
      title={t(count === 1 ? 'contacts.manager' : 'contacts.managers')}
      icon={<IconUsers size={20} aria-hidden />}
      testId={testId}
      gap="md"
      fill
    >
      {count > 0 && (
        <Text size="sm" c="dimmed">
          {t(count === 1 ? 'contacts.managerHint' : 'contacts.managersHint')}
        </Text>
      )}
      <MyManagers limit={limit} />
    </SectionCard>
  );
}
