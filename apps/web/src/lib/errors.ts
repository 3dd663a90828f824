import type { TFunction } from 'i18next';
import { ApiError } from './api';

/** A readable, translated message for any error the API client or the network throws. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
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
