/** The home feature's words in Russian (merged into lib/i18n; Russian is the reference). */
export const ru = {
  home: {
    greeting: 'Здравствуйте, {{name}}!',
    myContracts: 'Мои договоры',
    allContracts: 'Все договоры ({{count}})',
    noActive: 'Действующих договоров нет',
    balanceTotal: 'Остаток к оплате по действующим договорам',
    ofWhichOverdue: 'из них просрочено {{amount}}',
    overdueTitle: 'Просрочена оплата',
    overdueText:
      'Просрочено {{amount}}: срок самого раннего неоплаченного платежа был {{date}}, {{count}} дн. назад.',
    dueNowTotal: 'Всего к оплате сейчас {{amount}}.',
    dueTodayTitle: 'Сегодня срок оплаты',
    dueTodayText: 'К оплате сегодня {{amount}}.',
    openSchedule: 'Открыть график платежей',
    openOverdue: 'Показать договоры',
    notifications: 'Уведомления',
    allNotifications: 'Все уведомления',
    noNotifications: 'Уведомлений пока нет',
    links: 'Настройки и помощь',
    profile: 'Контактные данные и заявки на их изменение',
    settings: 'Какие уведомления получать',
    contacts: 'Контакты компании и ваших менеджеров',
    help: 'Ответы на частые вопросы',
  },
} as const;
