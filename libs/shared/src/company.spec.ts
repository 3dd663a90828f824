import { describe, expect, it } from 'vitest';
import { contrastRatio, isHexColor, isReadableBrandColor, readableShade } from './company';

describe('brand colour rules', () => {
  it('accepts six-digit hex colours only', () => {
    expect(isHexColor('#1A7f5a')).toBe(true);
    for (const bad of ['1a7f5a', '#1a7f5', '#1a7f5a0', '#gg0000', 'red', ''])
      expect(isHexColor(bad)).toBe(false);
  });

  it('measures contrast as WCAG 2 does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('wants white text to read on the brand colour, and suggests a darker shade when not', () => {
    expect(isReadableBrandColor('#0b7285')).toBe(true);
    expect(isReadableBrandColor('#ffd43b')).toBe(false);
    expect(readableShade('#0b7285')).toBe('#0b7285');
    const shade = readableShade('#f76707');
    expect(isReadableBrandColor(shade)).toBe(true);
    expect(contrastRatio(shade, '#ffffff')).toBeLessThan(5);
    expect(readableShade('#ffffff')).toMatch(/^#([0-9a-f]{2})\1\1$/);
  });
});
