import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** A readable, translated message for any error the API client or the network throws. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    // A wrong login code: how many tries it has left, or that a new one is needed.
    const left = error.problem.attemptsLeft;
    if (error.code === 'otp_invalid' && typeof left === 'number') {
      return left > 0
        ? t('errors.otp_invalid_left', { count: left })
        : t('errors.otp_invalid_none');
    }
    const seconds = error.problem.retryAfterSeconds ?? 60;
    return t(`errors.${error.code}`, {
      seconds,
      minutes: Math.max(1, Math.ceil(seconds / 60)),
      defaultValue: t('errors.unknown'),
    });
  }
  if (error instanceof TypeError) return t('errors.network');
  return t('errors.unknown');
}
