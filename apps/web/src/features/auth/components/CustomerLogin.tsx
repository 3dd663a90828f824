import { Alert, Anchor, Button, Group, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatPhone } from '@kabinet/shared';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors, Form, useFieldError, useZodForm } from '../../../components/Form';
import { ApiError } from '../../../lib/api';
import { parsePhone } from '../../../lib/phone';
import { useRequestOtp } from '../api/request-otp';
import { useVerifyOtp } from '../api/verify-otp';

const phoneSchema = z.object({
  phone: z.string().refine((v) => parsePhone(v) !== null, { message: 'validation.phone' }),
});

function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const tick = () => setNow(Date.now());
    // Count from now, not from when the last countdown stopped.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [until]);
  return until ? Math.max(0, Math.ceil((until - now) / 1000)) : 0;
}

/** `m:ss`, as the countdowns show it. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The code of an API error that says "wait before asking for another code", if it is one. */
function waitCode(error: unknown): 'otp_send_limit' | 'otp_resend_too_soon' | null {
  if (!(error instanceof ApiError)) return null;
  return error.code === 'otp_send_limit' || error.code === 'otp_resend_too_soon'
    ? error.code
    : null;
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
        // Too many codes, or one just now: the button waits as long as the API asks.
        const wait = err instanceof ApiError ? err.problem.retryAfterSeconds : undefined;
        if (wait) setResendAt(Date.now() + wait * 1000);
        // A code went to this number a moment ago (another tab, a reload): it is the one to enter.
        if (waitCode(err) === 'otp_resend_too_soon' && !phone) {
          setPhone(e164);
          setCode('');
          verify.reset();
        }
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
          // The code is burnt or gone: a new one may be requested right away.
          if (err instanceof ApiError && err.problem.attemptsLeft === 0) setResendAt(null);
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
  const waiting = waitCode(request.error);
  const resetRequest = request.reset;
  // The wait is over: its message goes, the button is back.
  useEffect(() => {
    if (waiting && secondsLeft === 0) resetRequest();
  }, [waiting, secondsLeft, resetRequest]);

  /** The request's error: a wait counts down live; anything else as ErrorAlert says it. */
  const requestError =
    waiting === 'otp_send_limit' && secondsLeft > 0 ? (
      <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" variant="light">
        {t('login.sendLimit', { time: clock(secondsLeft) })}
      </Alert>
    ) : waiting ? null : (
      <ErrorAlert error={request.error} />
    );

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
          {requestError}
          <Button type="submit" loading={request.isPending} fullWidth>
            {t('login.getCode')}
          </Button>
        </Stack>
      </Form>
    );
  }

  const alreadySent = waiting === 'otp_resend_too_soon';
  return (
    <Stack>
      <Text size="sm">
        {t(alreadySent ? 'login.codeAlreadySent' : 'login.codeSentTo', {
          phone: formatPhone(phone),
        })}{' '}
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
      {alreadySent && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} role="status" variant="light">
          {t('login.alreadySentHint')}
        </Alert>
      )}
      {request.error ? requestError : <ErrorAlert error={verify.error} />}
      <Button
        variant="subtle"
        // The countdown must be readable on a phone: the label wraps rather than being cut.
        h="auto"
        mih={36}
        py={6}
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center' } }}
        disabled={secondsLeft > 0 || request.isPending}
        onClick={() => send(phone)}
      >
        {secondsLeft > 0 ? t('login.resendIn', { time: clock(secondsLeft) }) : t('login.resend')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('login.noCode')}
      </Text>
    </Stack>
  );
}
