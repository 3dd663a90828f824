import { Divider, SimpleGrid, Stack, Text } from '@mantine/core';
import { SectionCard } from '../../../components/SectionCard';
import { Field } from '../../../components/Field';
import { useTranslation } from 'react-i18next';
import { formatDate, localeOf } from '../../../lib/format';
import type { Contract } from '../api/get-contract';

function Requisites({ items }: { items: Array<{ name: string; value: string }> }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {items.map((r, i) => (
        <Field key={`${r.name}-${i}`} label={r.name}>
          {r.value}
        </Field>
      ))}
    </SimpleGrid>
  );
}

/** What the contract is about: the deceased and the monument, or the renovation object. */
export function ObjectTab({ c }: { c: Contract }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const o = c.object;
  const date = (d: string | null) => (d ? formatDate(d, locale) : '—');
  const typed = o.deceased.length > 0 || o.monument || o.renovation;
  return (
    <Stack gap="md" data-testid="contract-object">
      {o.deceased.length > 0 && (
        <SectionCard
          title={t(o.deceased.length > 1 ? 'contract.deceasedMany' : 'contract.deceased')}
        >
          {o.deceased.map((d, i) => (
            <Stack key={`${d.fullName}-${i}`} gap="xs">
              {i > 0 && <Divider />}
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Field label={t('contract.fullName')}>{d.fullName}</Field>
                <Field label={t('contract.birthDate')}>{date(d.birthDate)}</Field>
                <Field label={t('contract.deathDate')}>{date(d.deathDate)}</Field>
              </SimpleGrid>
            </Stack>
          ))}
        </SectionCard>
      )}
      {o.monument && (
        <SectionCard title={t('contract.monument')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {o.monument.material && (
              <Field label={t('contract.material')}>{o.monument.material}</Field>
            )}
            {o.monument.size && <Field label={t('contract.size')}>{o.monument.size}</Field>}
            {o.monument.cemetery && (
              <Field label={t('contract.cemetery')}>{o.monument.cemetery}</Field>
            )}
            {o.monument.plot && <Field label={t('contract.plot')}>{o.monument.plot}</Field>}
          </SimpleGrid>
          {o.monument.inscription && (
            <Field label={t('contract.inscription')}>
              <Text style={{ whiteSpace: 'pre-line' }}>{o.monument.inscription}</Text>
            </Field>
          )}
          {o.monument.extra.length > 0 && <Requisites items={o.monument.extra} />}
        </SectionCard>
      )}
      {o.renovation && (
        <SectionCard title={t('contract.renovation')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {o.renovation.address && (
              <Field label={t('contract.address')}>{o.renovation.address}</Field>
            )}
            {o.renovation.area && (
              <Field label={t('contract.area')}>
                {t('contract.areaValue', {
                  area: new Intl.NumberFormat(locale).format(Number(o.renovation.area)),
                })}
              </Field>
            )}
            {o.renovation.rooms !== null && (
              <Field label={t('contract.rooms')}>{o.renovation.rooms}</Field>
            )}
          </SimpleGrid>
          {o.renovation.extra.length > 0 && <Requisites items={o.renovation.extra} />}
        </SectionCard>
      )}
      {!typed && c.requisites.length === 0 && <Text c="dimmed">{t('contract.noObject')}</Text>}
      {c.requisites.length > 0 && (
        <SectionCard title={t('contract.requisites')}>
          <Requisites items={c.requisites} />
        </SectionCard>
      )}
    </Stack>
  );
}
