import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Center,
  ColorInput,
  FileButton,
  Grid,
  Group,
  Image,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  COMPANY_LIMITS,
  contrastRatio,
  isEmail,
  isHexColor,
  isReadableBrandColor,
  LOGO_TYPES,
  readableShade,
  formatPhone,
} from '@kabinet/shared';
import { IconBuilding, IconPhoto, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors, Form, useFieldError, useZodForm } from '../../../components/Form';
import { SectionCard } from '../../../components/SectionCard';
import { ApiError } from '../../../lib/api';
import { localeOf } from '../../../lib/format';
import { parsePhone } from '../../../lib/phone';
import { useCompany, type Company } from '../api/get-company';
import { useRemoveLogo, useUpdateCompany, useUploadLogo } from '../api/update-company';

/** Readable brand colours to start from (white text on each has a contrast of 4.5:1 or more). */
const SWATCHES = [
  '#0b7285',
  '#1864ab',
  '#087f5b',
  '#5f3dc4',
  '#862e9c',
  '#a61e4d',
  '#c92a2a',
  '#495057',
];

const text = (max: number) => z.string().trim().max(max, 'company.errors.tooLong');

const schema = z.object({
  name: text(COMPANY_LIMITS.name).min(1, 'validation.required'),
  description: text(COMPANY_LIMITS.description),
  color: z
    .string()
    .trim()
    .refine((v) => v === '' || isHexColor(v), 'company.errors.colorFormat')
    .refine((v) => !isHexColor(v) || isReadableBrandColor(v), 'company.errors.colorContrast'),
  phones: z
    .array(
      z
        .string()
        .trim()
        .refine((v) => v === '' || parsePhone(v) !== null, 'validation.phone'),
    )
    .max(COMPANY_LIMITS.phones),
  email: text(COMPANY_LIMITS.email).refine((v) => v === '' || isEmail(v), 'validation.email'),
  address: text(COMPANY_LIMITS.address),
  hours: text(COMPANY_LIMITS.hours),
});
type Values = z.input<typeof schema>;

function toValues(c: Company): Values {
  return {
    name: c.name ?? '',
    description: c.description ?? '',
    color: c.color ?? '',
    phones: c.phones.length ? c.phones.map(formatPhone) : [''],
    email: c.email ?? '',
    address: c.address ?? '',
    hours: c.hours ?? '',
  };
}

/** How the colour looks on a button and as a link, and what to pick when it is too light. */
function ColorPreview({ color, onPick }: { color: string; onPick: (c: string) => void }) {
  const { t, i18n } = useTranslation();
  if (!isHexColor(color)) return null;
  if (!isReadableBrandColor(color)) {
    const shade = readableShade(color);
    const ratio = new Intl.NumberFormat(localeOf(i18n.language), {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(contrastRatio(color, '#ffffff'));
    return (
      <Group gap="xs" data-testid="company-color-hint">
        <Text size="sm" c="dimmed">
          {t('company.colorContrast', { ratio })}
        </Text>
        <Button size="compact-sm" color={shade} onClick={() => onPick(shade)}>
          {t('company.useShade', { color: shade })}
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="sm" data-testid="company-color-preview">
      <Text size="sm" c="dimmed">
        {t('company.preview')}
      </Text>
      <Button size="compact-sm" color={color} tabIndex={-1}>
        {t('company.previewButton')}
      </Button>
      <Anchor size="sm" c={color} component="span">
        {t('company.previewLink')}
      </Anchor>
    </Group>
  );
}

function ProfileForm({ company }: { company: Company }) {
  const { t } = useTranslation();
  const update = useUpdateCompany();
  const [saved, setSaved] = useState(false);
  const form = useZodForm(schema, { defaultValues: toValues(company) });
  const fieldError = useFieldError(form);
  const phones = form.watch('phones');
  const color = form.watch('color');
  const pickColor = (c: string) =>
    form.setValue('color', c, { shouldDirty: true, shouldValidate: true });

  return (
    <Form
      form={form}
      aria-label={t('company.profile')}
      onSubmit={(v) => {
        setSaved(false);
        update.mutate(
          {
            name: v.name,
            description: v.description || null,
            color: v.color ? v.color.toLowerCase() : null,
            phones: v.phones.filter(Boolean),
            email: v.email || null,
            address: v.address || null,
            hours: v.hours || null,
          },
          {
            onSuccess: (next) => {
              form.reset(toValues(next));
              setSaved(true);
            },
            onError: (err) => applyFieldErrors(form, err),
          },
        );
      }}
    >
      <Stack gap="md" data-testid="company-form">
        <TextInput
          label={t('company.name')}
          description={t('company.nameHint')}
          required
          maxLength={COMPANY_LIMITS.name}
          error={fieldError('name')}
          data-testid="company-name"
          {...form.register('name')}
        />
        <TextInput
          label={t('company.description')}
          description={t('company.descriptionHint')}
          maxLength={COMPANY_LIMITS.description}
          error={fieldError('description')}
          data-testid="company-description"
          {...form.register('description')}
        />
        <Stack gap={6}>
          <Controller
            control={form.control}
            name="color"
            render={({ field }) => (
              <ColorInput
                label={t('company.color')}
                description={t('company.colorHint')}
                placeholder={t('company.colorDefault')}
                format="hex"
                swatches={SWATCHES}
                swatchesPerRow={8}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldError('color')}
                data-testid="company-color"
              />
            )}
          />
          <ColorPreview color={color} onPick={pickColor} />
          {color && (
            <Anchor component="button" type="button" size="sm" onClick={() => pickColor('')}>
              {t('company.colorReset')}
            </Anchor>
          )}
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            {t('company.phones')}
          </Text>
          {phones.map((_, i) => (
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              <Controller
                control={form.control}
                name={`phones.${i}`}
                render={({ field }) => (
                  <TextInput
                    flex={1}
                    type="tel"
                    inputMode="tel"
                    placeholder={t('login.phonePlaceholder')}
                    aria-label={t('company.phoneN', { n: i + 1 })}
                    error={fieldError(`phones.${i}`)}
                    data-testid="company-phone"
                    {...field}
                  />
                )}
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                size="lg"
                aria-label={t('company.removePhone', { n: i + 1 })}
                onClick={() =>
                  form.setValue(
                    'phones',
                    phones.length > 1 ? phones.filter((__, j) => j !== i) : [''],
                    { shouldDirty: true },
                  )
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          {phones.length < COMPANY_LIMITS.phones && (
            <Box>
              <Button
                variant="subtle"
                size="compact-sm"
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => form.setValue('phones', [...phones, ''])}
                data-testid="company-add-phone"
              >
                {t('company.addPhone')}
              </Button>
            </Box>
          )}
        </Stack>
        <TextInput
          label={t('company.email')}
          type="email"
          inputMode="email"
          placeholder="info@example.ru"
          maxLength={COMPANY_LIMITS.email}
          error={fieldError('email')}
          data-testid="company-email"
          {...form.register('email')}
        />
        <TextInput
          label={t('company.address')}
          maxLength={COMPANY_LIMITS.address}
          error={fieldError('address')}
          {...form.register('address')}
        />
        <TextInput
          label={t('company.hours')}
          placeholder={t('company.hoursPlaceholder')}
          maxLength={COMPANY_LIMITS.hours}
          error={fieldError('hours')}
          {...form.register('hours')}
        />
        <ErrorAlert error={update.isError ? update.error : null} />
        <Group gap="sm">
          <Button type="submit" loading={update.isPending} data-testid="company-save">
            {t('company.save')}
          </Button>
          {saved && !form.formState.isDirty && (
            <Text size="sm" c="teal.8" role="status" data-testid="company-saved">
              {t('company.saved')}
            </Text>
          )}
        </Group>
      </Stack>
    </Form>
  );
}

/** What went wrong with the logo, as a key of a translated sentence (not the API's English). */
function logoError(error: unknown): 'company.logoTooLarge' | 'company.logoNotImage' | null {
  const code = error instanceof ApiError ? error.code : error;
  if (code === 'tooLarge' || code === 'payload_too_large') return 'company.logoTooLarge';
  if (code === 'notImage' || code === 'validation_failed') return 'company.logoNotImage';
  return null;
}

function LogoCard({ company }: { company: Company }) {
  const { t } = useTranslation();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const [local, setLocal] = useState<'tooLarge' | 'notImage' | null>(null);
  const failure = local ?? upload.error ?? remove.error;
  const known = logoError(failure);
  const choose = (file: File | null) => {
    if (!file) return;
    upload.reset();
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return setLocal('notImage');
    if (file.size > COMPANY_LIMITS.logoBytes) return setLocal('tooLarge');
    setLocal(null);
    upload.mutate(file);
  };
  return (
    <SectionCard
      title={t('company.logo')}
      icon={<IconPhoto size={20} aria-hidden />}
      testId="company-logo-card"
      fill
    >
      <Center
        h={120}
        bg="var(--mantine-color-gray-0)"
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      >
        {company.logoUrl ? (
          <Image
            src={company.logoUrl}
            alt={t('company.logoPreview')}
            h={96}
            w="auto"
            maw="90%"
            fit="contain"
            data-testid="company-logo-preview"
          />
        ) : (
          <Text c="dimmed" size="sm">
            {t('company.noLogo')}
          </Text>
        )}
      </Center>
      <Text size="sm" c="dimmed">
        {t('company.logoHint', { mb: COMPANY_LIMITS.logoBytes / 1024 / 1024 })}
      </Text>
      {failure &&
        (known ? (
          <Text size="sm" c="red.8" role="alert" data-testid="company-logo-error">
            {t(known)}
          </Text>
        ) : (
          <ErrorAlert error={failure} />
        ))}
      <Group gap="sm">
        <FileButton onChange={choose} accept={LOGO_TYPES.join(',')}>
          {(props) => (
            <Button
              {...props}
              leftSection={<IconUpload size={16} aria-hidden />}
              loading={upload.isPending}
              data-testid="company-logo-upload"
            >
              {t(company.logoUrl ? 'company.replaceLogo' : 'company.uploadLogo')}
            </Button>
          )}
        </FileButton>
        {company.logoUrl && (
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden />}
            loading={remove.isPending}
            onClick={() => {
              setLocal(null);
              upload.reset();
              remove.mutate();
            }}
            data-testid="company-logo-remove"
          >
            {t('company.removeLogo')}
          </Button>
        )}
      </Group>
    </SectionCard>
  );
}

/**
 * The company profile for admins: what customers see of the company on the login page, in the
 * header, in SMS, e-mails and PDFs.
 */
export function CompanyPage() {
  const { t } = useTranslation();
  const company = useCompany();
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="nowrap">
        <IconBuilding size={26} aria-hidden />
        <Title order={1} size="h2">
          {t('company.title')}
        </Title>
      </Group>
      <Text c="dimmed">{t('company.intro')}</Text>
      {company.isPending ? (
        <Skeleton h={400} />
      ) : company.isError ? (
        <ErrorAlert error={company.error} onRetry={() => void company.refetch()} />
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <SectionCard title={t('company.profile')} testId="company-profile-card">
              <ProfileForm company={company.data} />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <LogoCard company={company.data} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
