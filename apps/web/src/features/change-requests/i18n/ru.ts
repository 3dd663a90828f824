/** The change-requests feature's words in Russian (merged into lib/i18n; Russian is the reference). */
export const ru = {
  changeRequests: {
    title: 'Заявки на изменение данных',
    filter: 'Какие заявки показать',
    statuses: { pending: 'Новые', done: 'Выполненные', rejected: 'Отклонённые' },
    customer: 'Клиент',
    request: 'Заявка',
    previous: 'Было в 1С: {{value}}',
    comment: 'Комментарий клиента: {{text}}',
    created: 'Получена {{time}}',
    resolved: '{{status}}: {{name}}, {{time}}',
    done: 'Выполнено',
    reject: 'Отклонить',
    doneTitle: 'Заявка выполнена',
    rejectTitle: 'Отклонить заявку',
    doneHint:
      'Отметьте заявку выполненной, когда внесли изменение в 1С: клиент получит уведомление, а новые данные придут со следующим обменом.',
    resolution: 'Комментарий для клиента',
    resolutionRequired: 'Напишите клиенту, почему заявка отклонена',
    save: 'Сохранить',
    cancel: 'Отмена',
    empty: 'Заявок нет',
    count: 'Всего: {{count}}',
  },
} as const;
