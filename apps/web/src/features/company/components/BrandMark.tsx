import { Group, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBrand } from '../api/brand';

/**
 * The company's logo and name as the admin set them ("Личный кабинет" while there is no name):
 * large on the login page (the logo above the name, then what the company does), small beside
 * each other in the shell's header and sidebar.
 */
export function BrandMark({ size = 'sm', testId }: { size?: 'sm' | 'lg'; testId?: string }) {
  const { t } = useTranslation();
  const brand = useBrand().data;
  const large = size === 'lg';
  const name = brand?.name ?? null;
  const logo = brand?.logoUrl ? (
    <Image
      src={brand.logoUrl}
      alt={name ? t('brand.logoOf', { name }) : t('brand.logo')}
      h={large ? 56 : 32}
      w="auto"
      maw={large ? 200 : 96}
      fit="contain"
      data-testid="brand-logo"
    />
  ) : null;
  if (!large) {
    return (
      <Group gap="xs" wrap="nowrap" miw={0} data-testid={testId}>
        {logo}
        <Text fw={700} truncate="end" data-testid="brand-name">
          {name ?? t('app.name')}
        </Text>
      </Group>
    );
  }
  return (
    <Stack gap="xs" align="flex-start" miw={0} data-testid={testId}>
      {logo}
      <Stack gap={0} miw={0}>
        <Text
          fz="h3"
          fw={700}
          lh={1.25}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="brand-name"
        >
          {name ?? t('app.name')}
        </Text>
        {brand?.description && (
          <Text size="sm" c="dimmed" data-testid="brand-description">
            {brand.description}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
