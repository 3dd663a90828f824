import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors, Form, useFieldError, useZodForm } from '../../../components/Form';
import { useStaffLogin } from '../api/staff-login';

const schema = z.object({
  login: z.string().trim().min(1, 'validation.required'),
  password: z.string().min(1, 'validation.required'),
});

/** Staff login: login + password. */
export function StaffLogin({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const login = useStaffLogin();
  const form = useZodForm(schema, { defaultValues: { login: '', password: '' } });
  const fieldError = useFieldError(form);
  return (
    <Form
      form={form}
      aria-label={t('login.staffTab')}
      onSubmit={(values) =>
        login.mutate(values, { onSuccess, onError: (err) => applyFieldErrors(form, err) })
      }
    >
      <Stack>
        <TextInput
          label={t('login.login')}
          autoComplete="username"
          autoCapitalize="none"
          data-testid="login-input"
          error={fieldError('login')}
          {...form.register('login')}
        />
        <PasswordInput
          label={t('login.password')}
          autoComplete="current-password"
          data-testid="password-input"
          error={fieldError('password')}
          {...form.register('password')}
        />
        <ErrorAlert error={login.error} />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('login.submit')}
        </Button>
      </Stack>
    </Form>
  );
}
