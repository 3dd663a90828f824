/** The customers feature's words in Russian (merged into lib/i18n; Russian is the reference). */
export const ru = {
  customers: {
    title: 'Клиенты',
    searchPlaceholder: 'ФИО, телефон, номер договора или ИНН',
    search: 'Поиск клиентов',
    name: 'Клиент',
    phone: 'Телефон',
    email: 'E-mail',
    contracts: 'Договоров',
    lastContract: 'Последний договор',
    balanceDue: 'Остаток к оплате',
    viewAs: 'Открыть как клиент',
    showContracts: 'Договоры',
    inn: 'ИНН {{inn}}',
    empty: 'Клиентов не найдено',
    count: 'Всего: {{count}}',
  },
} as const;
