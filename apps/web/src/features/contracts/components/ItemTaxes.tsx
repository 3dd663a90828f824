import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { localeOf } from '../../../lib/format';
import type { Contract } from '../api/get-contract';

type Item = Contract['items'][number];
type T = TFunction;

/** One line under the goods and services: «Итого», «в т. ч. НДС 20 %», «НДС сверху 20 %», «Без НДС». */
export interface TotalLine {
  key: string;
  label: string;
  /** Empty for «Без НДС». */
  value: string;
  bold: boolean;
}

function taxName(name: string, t: T) {
  return /ндс|vat/i.test(name) ? t('contract.vat') : name;
}

function rateText(rate: string | null, t: T, locale: string) {
  if (rate === null) return '';
  return t('contract.taxRate', {
    rate: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Number(rate)),
  });
}

/**
 * The totals of the goods and services, so that a total that differs from the sum of the lines
 * explains itself: with VAT on top the lines' sum, the tax and the total; VAT included under the
 * total; «Без НДС» when 1C says the contract is not taxed.
 */
export function useTotalLines(c: Contract, money: (v: string) => string): TotalLine[] {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const label = (key: 'contract.taxIncluded' | 'contract.taxOnTop', x: Contract['taxes'][number]) =>
    t(key, { name: taxName(x.name, t), rate: rateText(x.rate, t, locale) }).trim();
  const onTop = c.taxes.filter((x) => !x.exempt && !x.included);
  const lines: TotalLine[] = [];
  if (onTop.length) {
    lines.push({
      key: 'lines',
      label: t('contract.linesTotal'),
      value: money(c.itemsTotal),
      bold: false,
    });
  }
  onTop.forEach((x, i) =>
    lines.push({
      key: `top-${i}`,
      label: label('contract.taxOnTop', x),
      value: money(x.amount),
      bold: false,
    }),
  );
  lines.push({ key: 'total', label: t('contract.itemsTotal'), value: money(c.total), bold: true });
  c.taxes
    .filter((x) => !x.exempt && x.included)
    .forEach((x, i) =>
      lines.push({
        key: `in-${i}`,
        label: label('contract.taxIncluded', x),
        value: money(x.amount),
        bold: false,
      }),
    );
  if (c.taxes.some((x) => x.exempt)) {
    lines.push({ key: 'exempt', label: t('contract.noTax'), value: '', bold: false });
  }
  return lines;
}

/** A line's VAT for display: «20 %» and its amount, or «Без НДС»; null when 1C gave none. */
export function useLineTax(money: (v: string) => string) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (item: Item): { rate: string; amount: string | null; text: string } | null => {
    const tax = item.tax;
    if (!tax) return null;
    if (tax.exempt) return { rate: t('contract.noTax'), amount: null, text: t('contract.noTax') };
    const rate = rateText(tax.rate, t, locale);
    const amount = tax.amount === null ? null : money(tax.amount);
    return {
      rate,
      amount,
      text: t('contract.lineTax', {
        name: taxName(tax.name, t),
        rate,
        amount: amount ?? '—',
      }).replace(/\s+:/, ':'),
    };
  };
}
