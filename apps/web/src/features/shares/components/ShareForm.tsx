import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { SHARE_ACCESS, TEXT_LIMITS } from '@kabinet/shared';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import {
  applyFieldErrors,
  Form,
  tooLong,
  useFieldError,
  useZodForm,
} from '../../../components/Form';
import { parsePhone } from '../../../lib/phone';
import { useCreateShare, type Share, type ShareAccess } from '../api/contract-shares';

/**
 * The owner shares the contract: a phone, what the person may do, what the owner calls them.
 * What the API would refuse about the phone (not a number, one's own, shared already) is said
 * here first, in the reader's language.
 */
export function ShareForm({
  contractId,
  ownPhone,
  shares,
}: {
  contractId: string;
  ownPhone: string | null;
  shares: Share[];
}) {
  const { t } = useTranslation();
  const create = useCreateShare(contractId);
  const [added, setAdded] = useState(false);
  const schema = z
    .object({
      phone: z.string().trim().min(1, 'validation.required'),
      access: z.enum(SHARE_ACCESS),
      name: z.string().trim().max(TEXT_LIMITS.shareName, tooLong(TEXT_LIMITS.shareName)),
    })
    .superRefine((v, ctx) => {
      const phone = parsePhone(v.phone);
      const issue = !phone
        ? 'validation.phone'
        : phone === ownPhone
          ? 'shares.ownPhone'
          : shares.some((s) => s.phone === phone)
            ? 'shares.duplicate'
            : null;
      if (issue) ctx.addIssue({ code: 'custom', path: ['phone'], message: issue });
    });
  const form = useZodForm(schema, {
    defaultValues: { phone: '', access: 'read' as ShareAccess, name: '' },
  });
  const fieldError = useFieldError(form);
  return (
    <Form
      form={form}
      aria-label={t('shares.add')}
      onSubmit={(values) => {
        setAdded(false);
        create.mutate(
          { phone: values.phone, access: values.access, name: values.name || undefined },
          {
            onSuccess: () => {
              form.reset();
              setAdded(true);
            },
            onError: (err) => applyFieldErrors(form, err),
          },
        );
      }}
    >
      <Stack gap="sm" data-testid="share-form">
        <TextInput
          label={t('shares.phone')}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          placeholder={t('login.phonePlaceholder')}
          error={fieldError('phone')}
          data-testid="share-phone"
          {...form.register('phone')}
        />
        <TextInput
          label={t('shares.name')}
          placeholder={t('shares.namePlaceholder')}
          error={fieldError('name')}
          data-testid="share-name"
          {...form.register('name')}
        />
        <Controller
          control={form.control}
          name="access"
          render={({ field }) => (
            <Radio.Group
              label={t('shares.access')}
              value={field.value}
              onChange={(v) => field.onChange(v as ShareAccess)}
            >
              <Stack gap="xs" mt={4}>
                {SHARE_ACCESS.map((a) => (
                  <Radio
                    key={a}
                    value={a}
                    label={t(`shares.accesses.${a}`)}
                    description={t(`shares.accessHints.${a}`)}
                    data-testid={`share-access-${a}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <ErrorAlert error={create.isError && !form.formState.errors.phone ? create.error : null} />
        {added && (
          <Text size="sm" c="teal" role="status" data-testid="share-added">
            {t('shares.added')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={create.isPending}
            leftSection={<IconUserPlus size={16} />}
            data-testid="share-submit"
          >
            {t('shares.add')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
