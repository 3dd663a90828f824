import { describe, expect, it } from 'vitest';
import { plainRate, taxTotals, type LineTax } from './taxes';

const vat = (amount: string | null, included: boolean | null, rate = '20.00'): LineTax => ({
  name: 'НДС',
  rate,
  exempt: false,
  amount,
  included,
});

describe('taxTotals', () => {
  it('sums the lines’ VAT exactly, per rate and included / on top', () => {
    expect(
      taxTotals(
        [
          { tax: vat('7500.00', true) },
          { tax: vat('4875.00', true) },
          { tax: vat('0.10', false, '10.00') },
          { tax: vat('0.20', false, '10.00') },
          { tax: null },
        ],
        [],
      ),
    ).toEqual([
      { name: 'НДС', rate: '20', exempt: false, included: true, amount: '12375.00' },
      // 0.1 + 0.2 is 0.30 here, not 0.30000000000000004.
      { name: 'НДС', rate: '10', exempt: false, included: false, amount: '0.30' },
    ]);
  });

  it('lines not taxed are left out when others are; a contract all «Без НДС» says so', () => {
    const exempt: LineTax = { name: 'НДС', rate: null, exempt: true, amount: null, included: null };
    expect(taxTotals([{ tax: vat('800.00', false) }, { tax: exempt }], [])).toEqual([
      { name: 'НДС', rate: '20', exempt: false, included: false, amount: '800.00' },
    ]);
    expect(taxTotals([{ tax: exempt }, { tax: null }], [])).toEqual([
      { name: 'НДС', rate: null, exempt: true, included: true, amount: '0.00' },
    ]);
  });

  it('without line taxes, the document’s own; without any, nothing', () => {
    expect(
      taxTotals(
        [{ tax: null }],
        [{ name: 'НДС', rate: null, exempt: false, amount: '12800.00', included: false }],
      ),
    ).toEqual([{ name: 'НДС', rate: null, exempt: false, included: false, amount: '12800.00' }]);
    expect(taxTotals([{ tax: null }], [])).toEqual([]);
  });

  it('writes rates without trailing zeros', () => {
    expect([plainRate('20.00'), plainRate('7.50'), plainRate('0.00'), plainRate(null)]).toEqual([
      '20',
      '7.5',
      '0',
      null,
    ]);
  });
});
