import { describe, expect, it } from 'vitest';
import { formatQuantity, itemsPdfDisposition, pdfLanguage } from './items-pdf';

/** No-break spaces as plain ones, to compare with readable literals. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('items PDF formatting', () => {
  it('writes quantities without trailing zeros', () => {
    expect(formatQuantity('40.000', 'ru')).toBe('40');
    expect(formatQuantity('64.500', 'ru')).toBe('64,5');
    expect(formatQuantity('64.500', 'en')).toBe('64.5');
    expect(plain(formatQuantity('1250.125', 'ru'))).toBe('1 250,125');
  });

  it('names the file in UTF-8 with an ASCII fallback', () => {
    expect(itemsPdfDisposition('ГМ-000101', 'ru')).toBe(
      'attachment; filename="GM-000101 tovary i uslugi.pdf"; ' +
        "filename*=UTF-8''%D0%93%D0%9C-000101%20%D1%82%D0%BE%D0%B2%D0%B0%D1%80%D1%8B%20%D0%B8%20" +
        '%D1%83%D1%81%D0%BB%D1%83%D0%B3%D0%B8.pdf',
    );
    expect(itemsPdfDisposition('РМ-000017', 'en')).toBe(
      'attachment; filename="RM-000017 goods and services.pdf"; ' +
        "filename*=UTF-8''%D0%A0%D0%9C-000017%20goods%20and%20services.pdf",
    );
    // Quotes, slashes and characters outside Latin and Cyrillic cannot break the header.
    const odd = itemsPdfDisposition('A/"1"\\№ (2)', 'en');
    expect(odd).toBe(
      'attachment; filename="A__1___ (2) goods and services.pdf"; ' +
        "filename*=UTF-8''A__1__%E2%84%96%20%282%29%20goods%20and%20services.pdf",
    );
  });

  it('takes the language from lang, else the best of ru/en in Accept-Language', () => {
    expect(pdfLanguage(undefined, undefined)).toBe('ru');
    expect(pdfLanguage(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(pdfLanguage(undefined, 'de-DE, ru;q=0.5, en;q=0.8')).toBe('en');
    expect(pdfLanguage(undefined, 'en;q=0, ru')).toBe('ru');
    expect(pdfLanguage(undefined, 'de, fr')).toBe('ru');
    expect(pdfLanguage('ru', 'en')).toBe('ru');
    expect(pdfLanguage('en', undefined)).toBe('en');
  });
});
