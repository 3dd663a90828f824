import type { Widen } from '../../../lib/i18n/widen';
import type { ru } from './ru';

/** The customers feature's words in English: the same keys as Russian. */
export const en: Widen<typeof ru> = {
  customers: {
    title: 'Customers',
    searchPlaceholder: 'Name, phone, contract number or INN',
    search: 'Search customers',
    name: 'Customer',
    phone: 'Phone',
    email: 'E-mail',
    contracts: 'Contracts',
    lastContract: 'Latest contract',
    balanceDue: 'Balance due',
    viewAs: 'Open as the customer',
    showContracts: 'Contracts',
    inn: 'INN {{inn}}',
    empty: 'No customers found',
    count: 'Total: {{count}}',
  },
};
