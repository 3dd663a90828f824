import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatPhone } from '@kabinet/shared';
import { SectionCard } from '../../../components/SectionCard';
import type { Contract } from '../api/get-contract';

export function ManagerCard({ c, isStaff }: { c: Contract; isStaff: boolean }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t(isStaff ? 'contract.managerTitleStaff' : 'contract.managerTitle')}>
      {c.manager ? (
        <>
          <Text fw={600}>{c.manager.fullName}</Text>
          {c.manager.phone && (
            <Anchor href={`tel:${c.manager.phone}`}>
              <Group gap={6} wrap="nowrap">
                <IconPhone size={16} aria-hidden />
                {formatPhone(c.manager.phone)}
              </Group>
            </Anchor>
          )}
          {c.manager.email && !isStaff && (
            <Button
              component="a"
              href={`mailto:${c.manager.email}?subject=${encodeURIComponent(t('contract.title', { number: c.number }))}`}
              variant="light"
              leftSection={<IconMail size={16} />}
              data-testid="write-manager"
            >
              {t('contract.writeManager')}
            </Button>
          )}
          {c.manager.email && (
            <Anchor href={`mailto:${c.manager.email}`}>
              <Group gap={6} wrap="nowrap">
                <IconMail size={16} aria-hidden />
                <Text span inherit style={{ overflowWrap: 'anywhere' }}>
                  {c.manager.email}
                </Text>
              </Group>
            </Anchor>
          )}
        </>
      ) : (
        <Text c="dimmed">{t('contract.noManager')}</Text>
      )}
    </SectionCard>
  );
}
