import { Anchor, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconBuilding } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PhoneButton } from '../../../components/ContactButtons';
import { SectionCard } from '../../../components/SectionCard';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Field } from '../../../components/Field';
import { useMe } from '../../me';
import { hasContacts, useCompany, type Company } from '../api/get-company';
import { ManagersCard } from '../components/ManagersCard';

/** The company's card: only the rows that are configured. */
function CompanyCard({ c }: { c: Company }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      fill
      gap="md"
      title={c.name ?? t('contacts.company')}
      icon={<IconBuilding size={20} aria-hidden />}
      testId="contacts-company"
    >
      {c.phones.length > 0 && (
        <Field label={t(c.phones.length > 1 ? 'contacts.phones' : 'contacts.phone')}>
          <Group gap="xs" mt={4}>
            {c.phones.map((p) => (
              <PhoneButton key={p} phone={p} testId="contacts-phone" />
            ))}
          </Group>
        </Field>
      )}
      {c.email && (
        <Field label={t('contacts.email')}>
          <Anchor href={`mailto:${c.email}`} data-testid="contacts-email">
            {c.email}
          </Anchor>
        </Field>
      )}
      {c.address && (
        <Field label={t('contacts.address')}>
          <span data-testid="contacts-address">{c.address}</span>
        </Field>
      )}
      {c.hours && (
        <Field label={t('contacts.hours')}>
          <span data-testid="contacts-hours">{c.hours}</span>
        </Field>
      )}
    </SectionCard>
  );
}

/**
 * Contacts: the company's (as the installation configures them) and, for customers, their own
 * managers. Nothing is made up: rows that are not configured are not shown.
 */
export function ContactsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const customer = me?.permissions.includes('profile.manage') ?? false;
  const company = useCompany();
  const shown = company.data && hasContacts(company.data) ? company.data : null;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('contacts.title')}
      </Title>
      {company.isPending ? (
        <Skeleton h={160} />
      ) : company.isError ? (
        <ErrorAlert error={company.error} onRetry={() => void company.refetch()} />
      ) : (
        !shown && (
          <Text c="dimmed" data-testid="contacts-not-configured">
            {t(customer ? 'contacts.notConfiguredCustomer' : 'contacts.notConfigured')}
          </Text>
        )
      )}
      <Grid gap="md">
        {shown && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <CompanyCard c={shown} />
          </Grid.Col>
        )}
        {customer && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <ManagersCard testId="contacts-managers" />
          </Grid.Col>
        )}
      </Grid>
    </Stack>
  );
}
