import {
  formatPhone,
  NOTIFICATION_CONTRACT_TABS,
  showMoney,
  type NotificationKind,
} from '@kabinet/shared';
import { smsFrom } from '../company/brand-texts';
import type { Letterhead } from '../company/company.service';

/** What a delivery's text is made of: the notification and whom it is for. */
export interface NotificationFacts {
  kind: NotificationKind;
  params: Record<string, string | null | undefined>;
  contractId: string | null;
  customerName: string;
}

export interface NotificationTexts {
  subject: string;
  text: string;
  html: string;
  sms: string;
}

/** Longest SMS we send: two Cyrillic (UCS-2) parts of 67 characters. */
export const SMS_MAX_LENGTH = 134;

const str = (v: string | null | undefined) => (v === null || v === undefined ? '' : v);

/** `2026-11-01` → `01.11.2026`; anything else as it came. */
export function formatDay(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

/** The one line the cabinet shows (ru texts of the SPA's `notification.*`). */
function headline(n: NotificationFacts): string {
  const p = n.params;
  switch (n.kind) {
    case 'contract_added':
      return `Договор № ${str(p.number)} добавлен в кабинет`;
    case 'contract_status':
      return `Договор № ${str(p.number)}: статус «${str(p.status)}»`;
    case 'payment_received':
      return `Получена оплата ${showMoney(str(p.amount), str(p.currency) || 'RUB')} по договору № ${str(p.number)}`;
    case 'schedule_changed':
      return `Изменён график платежей по договору № ${str(p.number)}`;
    case 'profile_request': {
      const field = p.field === 'phone' ? 'телефона' : 'e-mail';
      return `Заявка на изменение ${field} ${p.status === 'done' ? 'выполнена' : 'отклонена'}`;
    }
    case 'payment_reminder':
      return `Напоминаем: ${formatDay(str(p.dueDate))} срок платежа ${showMoney(str(p.amount), str(p.currency) || 'RUB')} по договору № ${str(p.number)}`;
    case 'payment_overdue':
      return `Просрочен платёж ${showMoney(str(p.amount), str(p.currency) || 'RUB')} по договору № ${str(p.number)}: срок был ${formatDay(str(p.dueDate))}`;
  }
}

/** Where in the cabinet to look: the contract (on the tab that changed), the profile, or the list. */
function link(n: NotificationFacts, baseUrl: string): string {
  if (n.kind === 'profile_request') return `${baseUrl}/profile`;
  if (!n.contractId) return `${baseUrl}/notifications`;
  const tab = NOTIFICATION_CONTRACT_TABS[n.kind];
  return `${baseUrl}/contracts/${encodeURIComponent(n.contractId)}${tab ? `?tab=${tab}` : ''}`;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** Adds a full stop unless the sentence ends with one already. */
const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/** The company's signature under an e-mail: its name, then its phones and e-mail. */
function signature(company: Letterhead | null): string[] {
  if (!company?.name) return [];
  const contacts = [...company.phones.map(formatPhone), ...(company.email ? [company.email] : [])];
  return ['С уважением,', company.name, ...(contacts.length ? [contacts.join(', ')] : [])];
}

/**
 * The e-mail (subject, plain text, simple HTML, a link into the cabinet, the company's
 * signature) and the short SMS (from the company by name) for a notification, in Russian, with
 * the same facts the SPA shows.
 */
export function renderNotification(
  n: NotificationFacts,
  baseUrl: string,
  company: Letterhead | null = null,
): NotificationTexts {
  const line = headline(n);
  const url = link(n, baseUrl);
  const settingsUrl = `${baseUrl}/profile`;
  const name = n.customerName.trim();
  const greeting = name ? `Здравствуйте, ${name}!` : 'Здравствуйте!';
  const answer = n.kind === 'profile_request' ? str(n.params.resolution).trim() : '';
  const footer =
    'Это письмо отправлено автоматически, отвечать на него не нужно. ' +
    'О каких событиях сообщать по e-mail и SMS, можно выбрать в профиле';

  const text = [
    greeting,
    '',
    sentence(line),
    ...(answer ? [`Ответ менеджера: ${answer}`] : []),
    '',
    `Открыть в личном кабинете: ${url}`,
    '',
    ...(signature(company).length ? [...signature(company), ''] : []),
    '—',
    `${footer}: ${settingsUrl}`,
    '',
  ].join('\n');

  const p = 'margin: 0 0 12px 0;';
  const html = [
    '<!doctype html>',
    '<html lang="ru">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(line)}</title></head>`,
    '<body style="margin: 0; padding: 16px; font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; color: #222;">',
    `<p style="${p}">${escapeHtml(greeting)}</p>`,
    `<p style="${p}"><strong>${escapeHtml(sentence(line))}</strong></p>`,
    ...(answer ? [`<p style="${p}">Ответ менеджера: ${escapeHtml(answer)}</p>`] : []),
    `<p style="${p}"><a href="${escapeHtml(url)}" style="color: #1c7ed6;">Открыть в личном кабинете</a></p>`,
    ...(signature(company).length
      ? [`<p style="${p}">${signature(company).map(escapeHtml).join('<br>')}</p>`]
      : []),
    `<p style="margin: 24px 0 0 0; padding-top: 12px; border-top: 1px solid #ddd; font-size: 12px; color: #777;">${escapeHtml(footer)}: <a href="${escapeHtml(settingsUrl)}" style="color: #777;">${escapeHtml(settingsUrl)}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');

  // Line breaks from 1C or a manager's answer must not reach a header or split an SMS.
  const oneLine = (s: string) => s.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').trim();
  return {
    subject: oneLine(line),
    text,
    html,
    sms: truncate(
      smsFrom(company?.name ?? null, oneLine(answer ? `${line}: ${answer}` : line)),
      SMS_MAX_LENGTH,
    ),
  };
}
