import type { TFunction } from 'i18next';
import { CHAT_LIMITS } from '@kabinet/shared';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/errors';
import { formatFileSize } from '../../../lib/format';

/** Why a file was not uploaded, readably: too large (413), a type not allowed or empty (400). */
export function uploadErrorText(t: TFunction, name: string, error: unknown, locale: string) {
  if (error instanceof ApiError) {
    if (error.status === 413) {
      return t('chat.form.tooLarge', { name, size: formatFileSize(CHAT_LIMITS.fileBytes, locale) });
    }
    const field = (error.problem.fields ?? [])[0]?.message ?? '';
    if (error.status === 400 && /not allowed/i.test(field)) {
      return t('chat.form.typeNotAllowed', { name });
    }
    if (error.status === 400 && /empty/i.test(field)) return t('chat.form.empty', { name });
    if (error.status === 400 && field) return t('chat.form.uploadFailed', { name, reason: field });
  }
  return t('chat.form.uploadFailed', { name, reason: errorMessage(t, error) });
}
