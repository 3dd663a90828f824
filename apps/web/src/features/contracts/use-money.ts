import { showMoney } from '@kabinet/shared';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../lib/format';
import type { Contract } from './api/get-contract';

export function useMoney(c: Contract) {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return (v: string) => showMoney(v, c.currency, locale);
}
