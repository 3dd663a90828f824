import { describe, expect, it } from 'vitest';
import { formatPhone } from '@kabinet/shared';
import { formatRequestValue, parsePhone } from './phone';

describe('phones', () => {
  it.each([
    '8 (912) 345-67-89',
    '+7 912 345 6789',
    '79123456789',
    '9123456789',
    ' +7(912)3456789 ',
  ])('reads %s like the API does', (raw) => expect(parsePhone(raw)).toBe('+79123456789'));
  it.each(['', '   ', '12-34', 'abc', '+7 912 345', '8 (912) 345-67-89-00'])('rejects %s', (raw) =>
    expect(parsePhone(raw)).toBeNull(),
  );
  it('formats Russian numbers the way they are written', () => {
    expect(formatPhone('+79123456789')).toBe('+7 912 345-67-89');
    expect(formatPhone('+74951234567')).toBe('+7 495 123-45-67');
  });
  it('formats other countries internationally and survives junk', () => {
    expect(formatPhone('+380441234567')).toBe('+380 44 123 4567');
    expect(formatPhone(null)).toBe('');
    expect(formatPhone('not a phone')).toBe('not a phone');
  });
});

describe('formatRequestValue', () => {
  it('formats a phone, keeps a phone that does not parse and an e-mail as they are', () => {
    expect(formatRequestValue('phone', '+79123456789')).toBe('+7 912 345-67-89');
    expect(formatRequestValue('phone', '')).toBe('');
    expect(formatRequestValue('email', 'a@example.com')).toBe('a@example.com');
  });
});
