import { describe, expect, it } from 'vitest';
import { formatPhone } from '@kabinet/shared';
import { normalizePhone } from './phone';

describe('normalizePhone', () => {
  it.each([
    '8 (912) 345-67-89',
    '+7 912 345 6789',
    '79123456789',
    '+7(912)345-67-89',
    '9123456789',
    ' 8-912-345-67-89 ',
  ])('reads %s as +79123456789', (raw) => {
    expect(normalizePhone(raw)).toBe('+79123456789');
  });

  it('keeps foreign numbers in E.164', () => {
    expect(normalizePhone('+375 29 123-45-67')).toBe('+375291234567');
  });

  it.each(['', '   ', 'abc', '123', '8 (000) 000-00-00', null, undefined])('rejects %s', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe('formatPhone', () => {
  it('writes Russian numbers the Russian way and others internationally', () => {
    expect(formatPhone('+74951201001')).toBe('+7 495 120-10-01');
    expect(formatPhone('+375291234567')).toBe('+375 29 123 45 67');
    expect(formatPhone('not a phone')).toBe('not a phone');
  });
});
