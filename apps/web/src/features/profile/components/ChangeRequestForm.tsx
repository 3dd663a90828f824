import { Button, Group, SegmentedControl, Stack, Textarea, TextInput } from '@mantine/core';
import { isEmail, PROFILE_FIELDS, TEXT_LIMITS, type ProfileField } from '@kabinet/shared';
import { useTranslation } from 'react-i18next';
import { Controller, useWatch, type Control } from 'react-hook-form';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { CharCounter } from '../../../components/CharCounter';
import {
  applyFieldErrors,
  Form,
  tooLong,
  useFieldError,
  useZodForm,
} from '../../../components/Form';
import { parsePhone } from '../../../lib/phone';
import { useCreateChangeRequest } from '../api/create-change-request';

const schema = z
  .object({
    field: z.enum(PROFILE_FIELDS),
    value: z
      .string()
      .trim()
      .min(1, 'validation.required')
      .max(TEXT_LIMITS.changeRequestValue, tooLong(TEXT_LIMITS.changeRequestValue)),
    comment: z
      .string()
      .trim()
      .max(TEXT_LIMITS.changeRequestComment, tooLong(TEXT_LIMITS.changeRequestComment)),
  })
  .superRefine((v, ctx) => {
    if (v.field === 'phone' && !parsePhone(v.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.phone' });
    }
    if (v.field === 'email' && !isEmail(v.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.email' });
    }
  });

type Values = z.input<typeof schema>;

/** The counter of one field; only it re-renders while the person types. */
function FieldCounter(props: {
  control: Control<Values>;
  name: 'value' | 'comment';
  max: number;
  from?: number;
}) {
  const text = useWatch({ control: props.control, name: props.name });
  return <CharCounter length={text.trim().length} max={props.max} from={props.from} />;
}

/** Asks the manager to change my phone or e-mail in 1C. */
export function ChangeRequestForm({
  onDone,
  onCancel,
}: {
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateChangeRequest();
  const form = useZodForm(schema, {
    defaultValues: { field: 'phone' as ProfileField, value: '', comment: '' },
  });
  const fieldError = useFieldError(form);
  const field = form.watch('field');
  return (
    <Form
      form={form}
      aria-label={t('profile.requestChange')}
      onSubmit={(values) =>
        create.mutate(
          { field: values.field, value: values.value, comment: values.comment || undefined },
          { onSuccess: onDone, onError: (err) => applyFieldErrors(form, err) },
        )
      }
    >
      <Stack gap="sm" data-testid="change-request-form">
        <Controller
          control={form.control}
          name="field"
          render={({ field: f }) => (
            <SegmentedControl
              value={f.value}
              onChange={(v) => {
                f.onChange(v);
                form.clearErrors('value');
              }}
              aria-label={t('profile.field')}
              data={PROFILE_FIELDS.map((v) => ({ value: v, label: t(`profile.fields.${v}`) }))}
            />
          )}
        />
        <TextInput
          label={t(field === 'phone' ? 'profile.newPhone' : 'profile.newEmail')}
          type={field === 'phone' ? 'tel' : 'email'}
          inputMode={field === 'phone' ? 'tel' : 'email'}
          autoComplete={field === 'phone' ? 'tel' : 'email'}
          placeholder={field === 'phone' ? t('login.phonePlaceholder') : 'name@example.ru'}
          error={fieldError('value')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={
            <FieldCounter
              control={form.control}
              name="value"
              max={TEXT_LIMITS.changeRequestValue}
              from={0.8}
            />
          }
          data-testid="change-request-value"
          {...form.register('value')}
        />
        <Textarea
          label={t('profile.comment')}
          autosize
          minRows={2}
          maxRows={12}
          error={fieldError('comment')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          description={
            <FieldCounter
              control={form.control}
              name="comment"
              max={TEXT_LIMITS.changeRequestComment}
            />
          }
          data-testid="change-request-comment"
          {...form.register('comment')}
        />
        <ErrorAlert error={create.isError && !form.formState.errors.value ? create.error : null} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('profile.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="change-request-submit">
            {t('profile.send')}
          </Button>
        </Group>
      </Stack>
    </Form>
  );
}
