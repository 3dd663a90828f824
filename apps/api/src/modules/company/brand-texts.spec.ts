import { describe, expect, it } from 'vitest';
import { loginCodeSms, ONE_SMS_LENGTH, smsFrom } from './brand-texts';

describe('login code SMS', () => {
  it('names the company first and fits one SMS', () => {
    const sms = loginCodeSms('Гранит-Мастер', '123456');
    expect(sms).toBe('Гранит-Мастер: код для входа 123456. Никому его не сообщайте.');
    expect(sms.length).toBeLessThanOrEqual(ONE_SMS_LENGTH);
  });

  it('shortens a long name rather than sending two SMS', () => {
    const sms = loginCodeSms('Общество с ограниченной ответственностью «Гранит»', '654321');
    expect(sms.length).toBeLessThanOrEqual(ONE_SMS_LENGTH);
    expect(sms).toMatch(/^Общество с [а-я]+…: код для входа 654321\. Никому его не сообщайте\.$/);
  });

  it('says "личный кабинет" when the company has no name', () => {
    expect(loginCodeSms(null, '000111')).toBe(
      'Код для входа в личный кабинет: 000111. Никому его не сообщайте.',
    );
    expect(loginCodeSms('  ', '000111')).toContain('личный кабинет');
  });

  it('prefixes other SMS with the name when there is one', () => {
    expect(smsFrom('Гранит-Мастер', 'Оплата получена')).toBe('Гранит-Мастер: Оплата получена');
    expect(smsFrom(null, 'Оплата получена')).toBe('Оплата получена');
  });
});
