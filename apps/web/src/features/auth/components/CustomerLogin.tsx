import { Anchor, Button, Group, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors, Form, useFieldError, useZodForm } from '../../../components/Form';
import { ApiError } from '../../../lib/api';
import { formatPhone, parsePhone } from '../../../lib/phone';
import { useRequestOtp } from '../api/request-otp';
import { useVerifyOtp } from '../api/verify-otp';

const phoneSchema = z.object({
  phone: z.string().refine((v) => parsePhone(v) !== null, { message: 'validation.phone' }),
});

function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

/** Customer login: phone → code from SMS. */
export function CustomerLogin({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const [phone, setPhone] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState<number | null>(null);
  const [code, setCode] = useState('');
  const request = useRequestOtp();
  const verify = useVerifyOtp();
  const secondsLeft = useCountdown(resendAt);
  const form = useZodForm(phoneSchema, { defaultValues: { phone: '' } });
  const fieldError = useFieldError(form);

  const send = (e164: string) =>
    request.mutate(e164, {
      onSuccess: (r) => {
        setPhone(e164);
        setCode('');
        verify.reset();
        setResendAt(Date.now() + r.resendAfterSeconds * 1000);
      },
      onError: (err) => {
        applyFieldErrors(form, err);
        // Too many codes: the button waits as long as the API asks.
        const wait = err instanceof ApiError ? err.problem.retryAfterSeconds : undefined;
        if (wait) setResendAt(Date.now() + wait * 1000);
      },
    });

  const submitCode = (value: string) => {
    if (!phone || !/^\d{6}$/.test(value)) return;
    verify.mutate(
      { phone, code: value },
      {
        onSuccess,
        onError: (err) => {
          setCode('');
          // The code is burnt: a new one may be requested right away.
          if (err instanceof ApiError && err.code === 'otp_attempts_exceeded') setResendAt(null);
        },
      },
    );
  };

  const changePhone = () => {
    setPhone(null);
    setResendAt(null);
    request.reset();
    verify.reset();
  };
  const burnt = verify.error instanceof ApiError && verify.error.code === 'otp_attempts_exceeded';

  if (!phone) {
    return (
      <Form
        form={form}
        onSubmit={(v) => send(parsePhone(v.phone)!)}
        aria-label={t('login.customerTab')}
      >
        <Stack>
          <TextInput
            label={t('login.phone')}
            placeholder={t('login.phonePlaceholder')}
            description={t('login.phoneHint')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            data-testid="phone-input"
            error={fieldError('phone')}
            {...form.register('phone')}
          />
          <ErrorAlert error={request.error} />
          <Button type="submit" loading={request.isPending} fullWidth>
            {t('login.getCode')}
          </Button>
        </Stack>
      </Form>
    );
  }

  const mm = Math.floor(secondsLeft / 60);
  const ss = String(secondsLeft % 60).padStart(2, '0');
  return (
    <Stack>
      <Text size="sm">
        {t('login.codeSentTo', { phone: formatPhone(phone) })}{' '}
        <Anchor component="button" type="button" size="sm" onClick={changePhone}>
          {t('login.changePhone')}
        </Anchor>
      </Text>
      <Stack gap={4}>
        <Text component="label" htmlFor="otp-code-1" size="sm" fw={500}>
          {t('login.code')}
        </Text>
        <Group justify="center">
          <PinInput
            id="otp-code"
            length={6}
            type="number"
            oneTimeCode
            autoFocus
            size="md"
            value={code}
            onChange={setCode}
            onComplete={submitCode}
            disabled={verify.isPending || burnt}
            error={verify.isError}
            data-testid="code-input"
            ariaLabel={t('login.code')}
          />
        </Group>
      </Stack>
      <ErrorAlert error={request.error ?? verify.error} />
      <Button
        variant="subtle"
        disabled={secondsLeft > 0 || request.isPending}
        onClick={() => send(phone)}
      >
        {secondsLeft > 0 ? t('login.resendIn', { time: `${mm}:${ss}` }) : t('login.resend')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('login.noCode')}
      </Text>
    </Stack>
  );
}
