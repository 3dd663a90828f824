import { Accordion, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconAddressBook, IconMessageQuestion } from '@tabler/icons-react';
import { OTP } from '@kabinet/shared';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '../../../lib/paths';
import { useMe } from '../../me';
import { SectionCard } from '../../../components/SectionCard';
import { MyManagers } from '../../company';

/** The questions, in the order people ask them; the texts are in `help.questions.<key>`. */
export const QUESTIONS = [
  'login',
  'unknownPhone',
  'changed',
  'schedule',
  'documents',
  'contactChange',
  'notifications',
  'dataAsOf',
  'logoutEverywhere',
] as const;
type Question = (typeof QUESTIONS)[number];

const isQuestion = (s: string): s is Question => (QUESTIONS as readonly string[]).includes(s);

/** The login rules as the API enforces them (the login answer), so the text cannot drift. */
const OTP_PARAMS = {
  length: OTP.length,
  minutes: OTP.ttlSeconds / 60,
  attempts: OTP.maxAttempts,
  sends: OTP.maxSendsPerWindow,
  window: OTP.sendWindowSeconds / 60,
};

/**
 * Help: answers to the common questions about the cabinet as it works, then whom to ask. A
 * question opens from the link `/help#schedule`.
 */
export function HelpPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const customer = useMe().data?.permissions.includes('profile.manage') ?? false;
  const opened = hash.slice(1);
  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        {t('help.title')}
      </Title>
      <Text c="dimmed">{t('help.intro')}</Text>
      <Accordion
        variant="separated"
        radius="md"
        defaultValue={isQuestion(opened) ? opened : null}
        data-testid="help-faq"
      >
        {QUESTIONS.map((key) => (
          <Accordion.Item key={key} value={key} id={key} data-testid={`help-${key}`}>
            <Accordion.Control>
              <Text fw={600}>{t(`help.questions.${key}.q`)}</Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Text style={{ whiteSpace: 'pre-line' }}>
                {t(`help.questions.${key}.a`, OTP_PARAMS)}
              </Text>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
      <SectionCard
        title={t('help.notFound')}
        icon={<IconMessageQuestion size={20} aria-hidden />}
        testId="help-not-found"
      >
        <Text size="sm" c="dimmed">
          {t(customer ? 'help.notFoundText' : 'help.notFoundTextStaff')}
        </Text>
        {customer && <MyManagers limit={2} />}
        <Group>
          <Button
            component={Link}
            to={paths.contacts}
            variant="default"
            size="sm"
            leftSection={<IconAddressBook size={16} aria-hidden />}
            data-testid="help-to-contacts"
          >
            {t('help.toContacts')}
          </Button>
        </Group>
      </SectionCard>
    </Stack>
  );
}
