import { describe, expect, it } from 'vitest';
import { isEmail } from './email';

describe('isEmail', () => {
  it('accepts ordinary addresses', () => {
    expect(isEmail('smirnov.av@example.ru')).toBe(true);
    expect(isEmail('info@granit-master.example')).toBe(true);
  });
  it('refuses what cannot be written to', () => {
    for (const bad of [
      'info',
      'info@',
      '@example.ru',
      'a b@example.ru',
      'a@example',
      'a@example.r',
    ])
      expect(isEmail(bad), bad).toBe(false);
  });
});
