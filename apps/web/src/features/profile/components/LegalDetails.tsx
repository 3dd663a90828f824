import { Divider, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import { SectionCard } from '../../../components/SectionCard';
import type { Profile } from '../api/get-profile';

/** Long numbers (accounts, ИНН) break anywhere rather than run out of the card on a phone. */
const wrap = { overflowWrap: 'anywhere' } as const;

/**
 * «Реквизиты»: what 1C has about a customer that is a company — ИНН, КПП, official name,
 * addresses and bank accounts. Shown only to customers 1C sent them for.
 */
export function LegalDetails({ legal }: { legal: NonNullable<Profile['legal']> }) {
  const { t } = useTranslation();
  const field = (label: string, value: string | null) =>
    value && (
      <Field label={label}>
        <Text span inherit style={wrap}>
          {value}
        </Text>
      </Field>
    );
  return (
    <SectionCard title={t('profile.legal')} id="profile-legal" testId="profile-legal">
      <Text size="sm" c="dimmed">
        {t('profile.legalHint')}
      </Text>
      {field(t('profile.officialName'), legal.officialName)}
      {(legal.inn || legal.kpp) && (
        <SimpleGrid cols={2} spacing="sm">
          {field(t('profile.inn'), legal.inn)}
          {field(t('profile.kpp'), legal.kpp)}
        </SimpleGrid>
      )}
      {field(t('profile.legalAddress'), legal.legalAddress)}
      {field(t('profile.postalAddress'), legal.postalAddress)}
      {legal.bankAccounts.map((a, i) => (
        <Stack key={a.account} gap="xs" data-testid="bank-account">
          {(i > 0 || legal.legalAddress || legal.postalAddress || legal.inn) && <Divider />}
          {field(t('profile.bankAccount'), a.account)}
          {field(t('profile.bank'), a.bankName)}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            {field(t('profile.bik'), a.bik)}
            {field(t('profile.correspondentAccount'), a.correspondentAccount)}
          </SimpleGrid>
        </Stack>
      ))}
    </SectionCard>
  );
}
