/** The notifications feature's words in Russian (merged into lib/i18n; Russian is the reference). */
export const ru = {
  notifications: {
    title: 'Уведомления',
    unreadOnly: 'Только непрочитанные',
    markAll: 'Отметить все прочитанными',
    empty: 'Уведомлений пока нет',
    emptyUnread: 'Непрочитанных уведомлений нет',
    count: 'Всего: {{count}}',
  },
} as const;
