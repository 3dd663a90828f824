import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { errorMessage } from './errors';
import i18n from './i18n';

const t = i18n.getFixedT('ru');

describe('error messages', () => {
  it('translates the code of an API problem', () => {
    expect(errorMessage(t, new ApiError(401, { code: 'otp_invalid' }))).toBe(
      'Неверный или истёкший код',
    );
  });
  it('says how many tries a wrong login code has left, in Russian and English', () => {
    const wrong = (attemptsLeft: number) =>
      new ApiError(401, { code: 'otp_invalid', attemptsLeft });
    expect(errorMessage(t, wrong(3))).toBe('Неверный код. Осталось попыток: 3');
    expect(errorMessage(i18n.getFixedT('en'), wrong(3))).toBe('Wrong code. Tries left: 3');
    expect(errorMessage(t, wrong(0))).toContain('Запросите новый код');
    expect(errorMessage(i18n.getFixedT('en'), wrong(0))).toContain('Request a new code');
  });
  it('says how long to wait when the API tells', () => {
    const error = new ApiError(429, { code: 'account_locked', retryAfterSeconds: 600 });
    expect(errorMessage(t, error)).toContain('10 мин');
  });
  it('falls back for unknown codes, bodies without a code and network failures', () => {
    expect(errorMessage(t, new ApiError(418, { code: 'teapot' as never }))).toBe(
      'Что-то пошло не так. Попробуйте ещё раз',
    );
    expect(errorMessage(t, new ApiError(502, {}))).toBe('Что-то пошло не так. Попробуйте ещё раз');
    expect(errorMessage(t, new TypeError('Failed to fetch'))).toBe(
      'Нет связи с сервером. Проверьте интернет',
    );
  });
});
