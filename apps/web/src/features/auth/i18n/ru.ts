/** The auth feature's words in Russian (merged into lib/i18n; Russian is the reference). */
export const ru = {
  login: {
    title: 'Вход в личный кабинет',
    customerTab: 'Клиент',
    staffTab: 'Сотрудник',
    phone: 'Номер телефона',
    phonePlaceholder: '+7 912 345-67-89',
    phoneHint: 'Номер, который вы оставили менеджеру при заключении договора',
    getCode: 'Получить код',
    code: 'Код из SMS',
    codeSentTo: 'Мы отправили код на номер {{phone}}',
    changePhone: 'Изменить номер',
    resendIn: 'Отправить код повторно через {{time}}',
    resend: 'Отправить код повторно',
    codeAlreadySent: 'Код на номер {{phone}} уже отправлен.',
    alreadySentHint:
      'Код отправлен меньше минуты назад — введите его из SMS. Новый код можно будет запросить, когда закончится отсчёт.',
    sendLimit: 'Слишком много кодов на этот номер. Новый код можно запросить через {{time}}',
    noCode:
      'Если SMS не приходит, проверьте номер или свяжитесь с вашим менеджером: войти можно только по номеру, который есть в договоре.',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    devOutbox: 'Dev: входящие SMS',
  },
} as const;
