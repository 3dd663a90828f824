/** The dev feature's words in Russian (merged into lib/i18n; Russian is the reference). */
export const ru = {
  dev: {
    title: 'Dev: входящие SMS',
    hint: 'Сообщения, которые «отправил» тестовый SMS-шлюз. Страница есть только вне production.',
    phone: 'Телефон',
    text: 'Текст',
    time: 'Время',
    empty: 'Сообщений пока нет',
    unavailable: 'Недоступно в production',
    toLogin: 'Ко входу',
  },
} as const;
