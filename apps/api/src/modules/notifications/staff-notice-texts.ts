import { escapeHtml, type NotificationTexts } from './notification-texts';
import type { StaffNoticeKind } from './staff-notice.entity';

/** What a staff notice's text is made of: the notice and whom it is for. */
export interface StaffNoticeFacts {
  kind: StaffNoticeKind;
  params: Record<string, string | null | undefined>;
  recipientId: string;
  recipientName: string;
}

const str = (v: string | null | undefined) => v ?? '';

function formatTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat('ru-RU', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

/**
 * The e-mail to a staff member (in Russian): someone is guessing the password of their account,
 * or, to an admin, of a colleague's.
 */
export function renderStaffNotice(
  n: StaffNoticeFacts,
  baseUrl: string,
  timeZone: string,
): NotificationTexts {
  const p = n.params;
  const own = p.subjectId === n.recipientId;
  const login = str(p.login);
  const name = n.recipientName.trim();
  const greeting = name ? `Здравствуйте, ${name}!` : 'Здравствуйте!';
  const whose = own
    ? `под вашим логином «${login}»`
    : `под логином «${login}» (${str(p.fullName)})`;
  const line = `Кто-то пытается войти в личный кабинет ${whose}`;
  const facts =
    p.event === 'slowed'
      ? `Неверные пароли приходят с разных адресов (неудачных попыток: ${str(p.failures)}, последняя — с адреса ${str(p.ip)}, ${formatTime(p.at, timeZone)}). ` +
        'Попытки с новых адресов замедлены; с адресов, откуда уже входили под этим логином, вход работает как обычно.'
      : `Неудачных попыток входа подряд с адреса ${str(p.ip)}: ${str(p.failures)}, последняя — ${formatTime(p.at, timeZone)}. ` +
        `Вход с этого адреса приостановлен до ${formatTime(p.lockedUntil, timeZone)}; с других адресов вход работает как обычно.`;
  const advice = own
    ? 'Если это были вы, ничего делать не нужно. Если нет — сообщите администратору и смените пароль.'
    : 'Если сотрудник говорит, что это был не он, задайте ему новый пароль.';
  const url = `${baseUrl}/login`;
  const footer =
    'Это письмо отправлено автоматически, не чаще раза в час на одну учётную запись; отвечать на него не нужно.';
  const text = [
    greeting,
    '',
    `${line}.`,
    facts,
    advice,
    '',
    `Личный кабинет: ${url}`,
    '',
    '—',
    footer,
    '',
  ].join('\n');
  const para = 'margin: 0 0 12px 0;';
  const html = [
    '<!doctype html>',
    '<html lang="ru">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(line)}</title></head>`,
    '<body style="margin: 0; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #222;">',
    `<p style="${para}">${escapeHtml(greeting)}</p>`,
    `<p style="${para}"><strong>${escapeHtml(line)}.</strong></p>`,
    `<p style="${para}">${escapeHtml(facts)}</p>`,
    `<p style="${para}">${escapeHtml(advice)}</p>`,
    `<p style="${para}"><a href="${escapeHtml(url)}" style="color: #1c7ed6;">Личный кабинет</a></p>`,
    `<p style="margin: 24px 0 0 0; padding-top: 12px; border-top: 1px solid #ddd; font-size: 12px; color: #777;">${escapeHtml(footer)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const subject = own
    ? `Попытки войти под вашим логином «${login}»`
    : `Попытки войти под логином «${login}»`;
  return { subject: subject.replace(/[\r\n]+/g, ' '), text, html, sms: line };
}
