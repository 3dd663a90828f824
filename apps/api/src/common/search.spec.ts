import { describe, expect, it } from 'vitest';
import { likeEscape, phoneDigits } from './search';

describe('search rules', () => {
  it('escapes LIKE wildcards', () => {
    expect(likeEscape('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(likeEscape('ГМ-000101')).toBe('ГМ-000101');
  });

  it('finds phones by their digits, a whole Russian number by its national part', () => {
    expect(phoneDigits('ГМ')).toBeNull();
    expect(phoneDigits('12')).toBeNull();
    expect(phoneDigits('912')).toBe('%912%');
    expect(phoneDigits('8 (912) 345-67-89')).toBe('%9123456789%');
    expect(phoneDigits('+7 912 345 6789')).toBe('%9123456789%');
    expect(phoneDigits('912 345-67-89')).toBe('%9123456789%');
    expect(phoneDigits('+1 212 555 0100')).toBe('%12125550100%');
  });
});
