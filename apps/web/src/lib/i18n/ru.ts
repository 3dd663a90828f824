import { ru as auth } from '../../features/auth/i18n/ru';
import { ru as contracts } from '../../features/contracts/i18n/ru';
import { ru as dev } from '../../features/dev/i18n/ru';
import { ru as exchange } from '../../features/exchange/i18n/ru';
import { ru as home } from '../../features/home/i18n/ru';
import { ru as notifications } from '../../features/notifications/i18n/ru';
import { ru as profile } from '../../features/profile/i18n/ru';
import { ru as customers } from '../../features/customers/i18n/ru';
import { ru as changeRequests } from '../../features/change-requests/i18n/ru';
import { ru as company } from '../../features/company/i18n/ru';
import { ru as help } from '../../features/help/i18n/ru';
import { ru as chats } from '../../features/chats/i18n/ru';

/** The app's own words; each feature's are in features/<feature>/i18n and merged here. */
export const ru = {
  app: { name: 'Личный кабинет', company: 'Кабинет клиента' },
  common: {
    moreTabsBefore: 'Вкладки слева',
    moreTabsAfter: 'Ещё вкладки справа',
    charCount: '{{length}} из {{max}}',
    loading: 'Загрузка…',
    retry: 'Повторить',
    back: 'Назад',
    language: 'Язык',
    empty: 'Пока ничего нет',
    clear: 'Очистить',
  },
  nav: {
    home: 'Главная',
    contracts: 'Договоры',
    chats: 'Чаты',
    notifications: 'Уведомления',
    customers: 'Клиенты',
    changeRequests: 'Заявки на изменение данных',
    exchange: 'Обмен с 1С',
    company: 'Компания',
    profile: 'Профиль и настройки',
    contacts: 'Контакты',
    help: 'Помощь',
    menu: 'Меню',
  },
  shell: {
    logout: 'Выйти',
    bonus: 'Бонусы',
    unread: 'Непрочитанных: {{count}}',
    bellUnread: 'Уведомления, непрочитанных: {{count}}',
    roles: {
      customer: 'Клиент',
      admin: 'Администратор',
      manager: 'Менеджер',
      operator: 'Оператор колл-центра',
      estimator: 'Сметчик',
      measurer: 'Замерщик',
      foreman: 'Прораб',
      head: 'Руководитель',
    },
  },
  validation: {
    // No-break spaces: the example number never splits across lines.
    phone: 'Введите номер телефона, например +7\u00a0912\u00a0345-67-89',
    code: 'Код — 6 цифр',
    required: 'Обязательное поле',
    email: 'Введите e-mail, например name@example.ru',
    tooLong: 'Не больше {{max}} символов: сократите текст',
  },
  errors: {
    validation_failed: 'Проверьте введённые данные',
    unauthenticated: 'Войдите, чтобы продолжить',
    forbidden: 'Недостаточно прав',
    not_found: 'Не найдено',
    read_only: 'Это просмотр кабинета клиента: изменять ничего нельзя',
    csrf_failed: 'Сессия устарела: обновите страницу и попробуйте ещё раз',
    rate_limited: 'Слишком много запросов. Попробуйте через {{seconds}} с',
    payload_too_large: 'Слишком большой запрос',
    malformed_request: 'Запрос повреждён. Обновите страницу и попробуйте ещё раз',
    unsupported_media_type: 'Сервер не принимает данные в таком виде',
    uri_too_long: 'Слишком длинный адрес',
    headers_too_large: 'Слишком длинный адрес или заголовки запроса',
    conflict: 'Это уже выполняется; повторите, когда закончится',
    unavailable: 'Сервис, от которого мы зависим, сейчас недоступен; повторите позже',
    otp_invalid: 'Неверный или истёкший код',
    otp_invalid_left: 'Неверный код. Осталось попыток: {{count}}',
    otp_invalid_none: 'Код неверный или больше не действует. Запросите новый код',
    otp_attempts_exceeded: 'Слишком много неверных попыток. Запросите новый код',
    otp_send_limit: 'Слишком много кодов подряд. Новый код можно запросить через {{minutes}} мин',
    otp_resend_too_soon: 'Код только что отправлен. Новый можно запросить через {{seconds}} с',
    invalid_credentials: 'Неверный логин или пароль',
    account_locked: 'Слишком много неудачных попыток входа. Попробуйте снова через {{minutes}} мин',
    internal: 'Что-то пошло не так. Попробуйте ещё раз',
    unknown: 'Что-то пошло не так. Попробуйте ещё раз',
    network: 'Нет связи с сервером. Проверьте интернет',
  },
  notification: {
    contract_added: 'Договор № {{number}} добавлен в кабинет',
    contract_status: 'Договор № {{number}}: статус «{{status}}»',
    payment_received: 'Получена оплата {{amount}} по договору № {{number}}',
    schedule_changed: 'Изменён график платежей по договору № {{number}}',
    payment_reminder: 'Напоминаем: {{date}} срок платежа {{amount}} по договору № {{number}}',
    payment_overdue: 'Просрочен платёж {{amount}} по договору № {{number}}: срок был {{date}}',
    profile_request_done: 'Заявка на изменение {{field}} выполнена',
    profile_request_rejected: 'Заявка на изменение {{field}} отклонена',
    fields: { phone: 'телефона', email: 'e-mail' },
    new: 'Новое',
  },
  viewAs: {
    banner: 'Вы видите кабинет клиента {{name}} так, как его видит клиент. Изменить ничего нельзя.',
    back: 'Вернуться в свой кабинет',
    open: 'Открыть как клиент',
  },
  notFound: {
    title: 'Страница не найдена',
    text: 'Такой страницы нет. Проверьте адрес или вернитесь на главную.',
    home: 'На главную',
  },
  noAccess: {
    title: 'Нет доступа',
    text: 'У вашей роли нет доступа к этому разделу.',
    textCustomer: 'Этого раздела нет в личном кабинете клиента.',
    home: 'На главную',
  },
  ...auth,
  ...contracts,
  ...dev,
  ...exchange,
  ...home,
  ...notifications,
  ...profile,
  ...customers,
  ...changeRequests,
  ...company,
  ...help,
  ...chats,
} as const;
