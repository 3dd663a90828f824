import {
  formatChatNumber,
  formatPhone,
  isChatNotification,
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
  /** The chat a chat notification is about (its link). */
  chatId?: string | null;
  /** Whom it is for: a customer (the default) or a staff member (no settings page to point to). */
  recipient?: 'customer' | 'staff';
  /** The recipient's name (a customer's or a staff member's). */
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

/** A chat as people name it: `Ч-000123 по договору № ГМ-000101`, or with its subject. */
function chatName(p: NotificationFacts['params']): string {
  const number = Number(p.chatNumber);
  const name = Number.isInteger(number) && number > 0 ? formatChatNumber(number) : '';
  const about = p.contractNumber
    ? `по договору № ${p.contractNumber}`
    : p.chatTitle
      ? `«${p.chatTitle}»`
      : '';
  return [name, about].filter(Boolean).join(' ');
}

/**
 * A chat's news in an SMS, short, so that the link to the chat fits whole: the chat by its
 * contract's number (what the customer knows), or by its own.
 */
function chatSmsLine(n: NotificationFacts): string {
  const p = n.params;
  const number = Number(p.chatNumber);
  const chat = p.contractNumber
    ? `по договору № ${p.contractNumber}`
    : `в чате ${Number.isInteger(number) && number > 0 ? formatChatNumber(number) : ''}`.trim();
  switch (n.kind) {
    case 'chat_message': {
      const count = Number(p.count) || 1;
      return count > 1 ? `Новые сообщения (${count}) ${chat}` : `Новое сообщение ${chat}`;
    }
    case 'approval_requested':
      return `Нужно ваше согласование ${chat}`;
    case 'approval_decided':
      return p.decision === 'approved'
        ? `Клиент согласовал ${chat}`
        : `Клиент отклонил согласование ${chat}`;
    case 'approval_revoked':
      return `Отменено решение о согласовании ${chat}`;
    case 'contract_added':
    case 'contract_status':
    case 'payment_received':
    case 'schedule_changed':
    case 'profile_request':
    case 'payment_reminder':
    case 'payment_overdue':
      return headline(n);
  }
}

/** The one line the cabinet shows (ru texts of the SPA's `notification.*`). */
function headline(n: NotificationFacts): string {
  const p = n.params;
  switch (n.kind) {
    case 'chat_message': {
      const count = Number(p.count) || 1;
      return count > 1
        ? `Новые сообщения в чате ${chatName(p)}: ${count}`
        : `Новое сообщение в чате ${chatName(p)}`;
    }
    case 'approval_requested':
      return `Нужно ваше согласование в чате ${chatName(p)}${p.deadline ? ` до ${formatDay(p.deadline)}` : ''}`;
    case 'approval_decided':
      return p.decision === 'approved'
        ? `Клиент согласовал в чате ${chatName(p)}`
        : `Клиент отклонил согласование в чате ${chatName(p)}`;
    case 'approval_revoked':
      return `Решение по согласованию отменено в чате ${chatName(p)}: нужно решить снова`;
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

/**
 * Where in the cabinet to look: the chat, the contract (on the tab that changed), the profile,
 * or the list.
 */
function link(n: NotificationFacts, baseUrl: string): string {
  if (isChatNotification(n.kind)) {
    const chatId = n.chatId ?? n.params.chatId;
    return chatId ? `${baseUrl}/chats/${encodeURIComponent(chatId)}` : `${baseUrl}/notifications`;
  }
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

/** What a chat notification says below its line: who wrote what, or why. */
function chatDetails(n: NotificationFacts): string[] {
  const p = n.params;
  const actor = str(p.actor).trim();
  switch (n.kind) {
    case 'chat_message': {
      const preview = str(p.preview).trim();
      const files = Number(p.attachments) || 0;
      const what = preview ? `«${preview}»` : files > 0 ? `файлы: ${files}` : '';
      if (!what) return [];
      return [Number(p.count) > 1 ? `Последнее — ${actor}: ${what}` : `${actor}: ${what}`];
    }
    case 'approval_requested':
      return [`${actor ? `${actor} просит` : 'Просим'} согласовать сообщение в чате.`];
    case 'approval_decided':
    case 'approval_revoked': {
      const reason = str(p.reason).trim();
      return [
        ...(actor ? [`${n.kind === 'approval_revoked' ? 'Отменил(а)' : 'Клиент'}: ${actor}`] : []),
        ...(reason ? [`Причина: ${reason}`] : []),
      ];
    }
    case 'contract_added':
    case 'contract_status':
    case 'payment_received':
    case 'schedule_changed':
    case 'profile_request':
    case 'payment_reminder':
    case 'payment_overdue':
      return [];
  }
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
  const staff = n.recipient === 'staff';
  const chat = isChatNotification(n.kind);
  const settingsUrl = staff ? null : `${baseUrl}/profile`;
  const name = n.customerName.trim();
  const greeting = name ? `Здравствуйте, ${name}!` : 'Здравствуйте!';
  const answer = n.kind === 'profile_request' ? str(n.params.resolution).trim() : '';
  const details = [...(answer ? [`Ответ менеджера: ${answer}`] : []), ...chatDetails(n)];
  const footer = staff
    ? 'Это письмо отправлено автоматически, отвечать на него не нужно. ' +
      'О новых сообщениях в чате пишем, если они не прочитаны в кабинете, не чаще раза в час'
    : 'Это письмо отправлено автоматически, отвечать на него не нужно. ' +
      'О каких событиях сообщать по e-mail и SMS, можно выбрать в профиле';

  const text = [
    greeting,
    '',
    sentence(line),
    ...details,
    '',
    `${chat ? 'Открыть чат' : 'Открыть в личном кабинете'}: ${url}`,
    '',
    ...(signature(company).length ? [...signature(company), ''] : []),
    '—',
    settingsUrl ? `${footer}: ${settingsUrl}` : sentence(footer),
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
    ...details.map((d) => `<p style="${p}">${escapeHtml(d)}</p>`),
    `<p style="${p}"><a href="${escapeHtml(url)}" style="color: #1c7ed6;">${chat ? 'Открыть чат' : 'Открыть в личном кабинете'}</a></p>`,
    ...(signature(company).length
      ? [`<p style="${p}">${signature(company).map(escapeHtml).join('<br>')}</p>`]
      : []),
    `<p style="margin: 24px 0 0 0; padding-top: 12px; border-top: 1px solid #ddd; font-size: 12px; color: #777;">${
      settingsUrl
        ? `${escapeHtml(footer)}: <a href="${escapeHtml(settingsUrl)}" style="color: #777;">${escapeHtml(settingsUrl)}</a>`
        : escapeHtml(sentence(footer))
    }</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');

  // Line breaks from 1C or a manager's answer must not reach a header or split an SMS.
  const oneLine = (s: string) => s.replace(/[\r\n\t\f\v\u2028\u2029]+/g, ' ').trim();
  // A chat's SMS ends with the link to the chat, whole; the words before it give way.
  const sms = chat
    ? `${truncate(smsFrom(company?.name ?? null, oneLine(chatSmsLine(n))), Math.max(SMS_MAX_LENGTH - url.length - 1, 20))} ${url}`
    : truncate(
        smsFrom(company?.name ?? null, oneLine(answer ? `${line}: ${answer}` : line)),
        SMS_MAX_LENGTH,
      );
  return { subject: oneLine(line), text, html, sms };
}
