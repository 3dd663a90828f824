import { fromMinor, toMinor } from '@kabinet/shared';
import type { ContractTax } from './contract.entity';

/** A line's tax as stored (`contract_items.tax_*`). */
export interface LineTax {
  name: string;
  rate: string | null;
  exempt: boolean;
  amount: string | null;
  included: boolean | null;
}

/** One line of the totals: «в т. ч. НДС 20 %: 12 375,00 ₽», «НДС сверху 20 %: …», «Без НДС». */
export interface TaxTotal {
  name: string;
  /** Percent without trailing zeros (`20`, `10`, `7.5`); null when 1C gives no rate. */
  rate: string | null;
  /** The whole contract is not taxed («Без НДС»); `amount` is then zero. */
  exempt: boolean;
  /** In the lines' amounts (true) or on top of them (false). */
  included: boolean;
  amount: string;
}

/** `20.00` → `20`, `7.50` → `7.5`: how a rate is written. */
export function plainRate(rate: string | null): string | null {
  if (rate === null) return null;
  return rate.includes('.') ? rate.replace(/\.?0+$/, '') : rate;
}

/**
 * The contract's tax totals, exact (kopecks as BigInt): the lines' taxes summed per tax, rate and
 * "included / on top" when the lines carry them; else the document's own taxes; a contract whose
 * taxed lines are all exempt is «Без НДС». Empty when 1C says nothing about taxes.
 */
export function taxTotals(
  lines: ReadonlyArray<{ tax: LineTax | null }>,
  documentTaxes: readonly ContractTax[],
): TaxTotal[] {
  const groups = new Map<string, TaxTotal & { minor: bigint }>();
  let exempt: string | null = null;
  for (const { tax } of lines) {
    if (!tax) continue;
    if (tax.exempt) {
      exempt ??= tax.name;
      continue;
    }
    if (tax.amount === null) continue;
    const rate = plainRate(tax.rate);
    const included = tax.included ?? true;
    const key = `${tax.name.toLowerCase()}|${rate ?? ''}|${included}`;
    const group = groups.get(key) ?? {
      name: tax.name,
      rate,
      exempt: false,
      included,
      amount: '0.00',
      minor: 0n,
    };
    group.minor += toMinor(tax.amount);
    groups.set(key, group);
  }
  if (groups.size) {
    return [...groups.values()].map(({ minor, ...g }) => ({ ...g, amount: fromMinor(minor) }));
  }
  const fromDocument = documentTaxes
    .filter((t) => !t.exempt && t.amount !== null)
    .map((t) => ({
      name: t.name,
      rate: plainRate(t.rate),
      exempt: false,
      included: t.included ?? true,
      amount: fromMinor(toMinor(t.amount!)),
    }));
  if (fromDocument.length) return fromDocument;
  const exemptName = exempt ?? documentTaxes.find((t) => t.exempt)?.name ?? null;
  return exemptName
    ? [{ name: exemptName, rate: null, exempt: true, included: true, amount: '0.00' }]
    : [];
}
