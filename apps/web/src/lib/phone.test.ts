import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone } from './phone';

describe('phones', () => {
  it.each(['8 (912) 345-67-89', '+7 912 345 6789', '79123456789', '9123456789'])(
    'reads %s like the API does',
    (raw) => expect(parsePhone(raw)).toBe('+79123456789'),
  );
  it.each(['', '12-34', 'abc'])('rejects %s', (raw) => expect(parsePhone(raw)).toBeNull());
  it('formats for people', () => {
    expect(formatPhone('+79123456789')).toBe('+7 912 345 67 89');
    expect(formatPhone(null)).toBe('');
  });
});
