import { describe, expect, it } from 'vitest';
import { showMoney as formatMoney } from '@kabinet/shared';
import { renderNotification, SMS_MAX_LENGTH } from './notification-texts';

const BASE = 'https://cabinet.example.ru';
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const facts = {
  contractId: '7d3c9a54-0000-4000-8000-000000000001',
  customerName: 'Иванова Мария Петровна',
};

describe('notification texts', () => {
  it('formats money as the SPA does', () => {
    expect(plain(formatMoney('74250.00'))).toBe('74 250 ₽');
    expect(plain(formatMoney('1500.5'))).toBe('1 500,50 ₽');
    expect(plain(formatMoney('10.00', 'USD'))).toBe('10 $');
    expect(formatMoney('10.00', 'XX')).toBe('10.00 XX');
    expect(formatMoney('', 'RUB')).toBe('');
  });

  it('says each kind in one Russian line, as the cabinet shows it', () => {
    const line = (kind: Parameters<typeof renderNotification>[0]['kind'], params = {}) =>
      plain(renderNotification({ ...facts, kind, params }, BASE).sms);
    expect(line('contract_added', { number: 'ГМ-000101' })).toBe(
      'Договор № ГМ-000101 добавлен в кабинет',
    );
    expect(line('contract_status', { number: 'ГМ-000101', status: 'Изготовление' })).toBe(
      'Договор № ГМ-000101: статус «Изготовление»',
    );
    expect(line('payment_received', { number: 'ГМ-000101', amount: '74250.00' })).toBe(
      'Получена оплата 74 250 ₽ по договору № ГМ-000101',
    );
    expect(line('schedule_changed', { number: 'РМ-000017' })).toBe(
      'Изменён график платежей по договору № РМ-000017',
    );
    expect(line('profile_request', { field: 'phone', status: 'done', resolution: null })).toBe(
      'Заявка на изменение телефона выполнена',
    );
    expect(line('profile_request', { field: 'email', status: 'rejected', resolution: 'Нет' })).toBe(
      'Заявка на изменение e-mail отклонена: Нет',
    );
    const payment = {
      number: 'ГМ-000101',
      amount: '74250.00',
      currency: 'RUB',
      dueDate: '2026-11-01',
    };
    expect(line('payment_reminder', payment)).toBe(
      'Напоминаем: 01.11.2026 срок платежа 74 250 ₽ по договору № ГМ-000101',
    );
    expect(line('payment_overdue', payment)).toBe(
      'Просрочен платёж 74 250 ₽ по договору № ГМ-000101: срок был 01.11.2026',
    );
  });

  it('links to the place in the cabinet: the contract’s tab, the profile', () => {
    const link = (
      kind: Parameters<typeof renderNotification>[0]['kind'],
      contractId: string | null,
    ) =>
      /Открыть в личном кабинете: (\S+)/.exec(
        renderNotification({ ...facts, contractId, kind, params: {} }, BASE).text,
      )?.[1];
    expect(link('payment_received', facts.contractId)).toBe(
      `${BASE}/contracts/${facts.contractId}?tab=payments`,
    );
    expect(link('schedule_changed', facts.contractId)).toBe(
      `${BASE}/contracts/${facts.contractId}?tab=schedule`,
    );
    expect(link('payment_reminder', facts.contractId)).toBe(
      `${BASE}/contracts/${facts.contractId}?tab=schedule`,
    );
    expect(link('payment_overdue', facts.contractId)).toBe(
      `${BASE}/contracts/${facts.contractId}?tab=schedule`,
    );
    expect(link('contract_added', facts.contractId)).toBe(`${BASE}/contracts/${facts.contractId}`);
    expect(link('contract_status', facts.contractId)).toBe(`${BASE}/contracts/${facts.contractId}`);
    expect(link('contract_added', null)).toBe(`${BASE}/notifications`);
    expect(link('profile_request', null)).toBe(`${BASE}/profile`);
  });

  it('escapes what 1C and managers wrote in the HTML, and keeps headers and SMS on one line', () => {
    const t = renderNotification(
      {
        ...facts,
        customerName: 'ООО "Ромашка" & Co',
        kind: 'contract_status',
        params: { number: 'A<1>', status: 'Новый\r\nBcc: x@evil.example' },
      },
      BASE,
    );
    expect(t.html).toContain('ООО &quot;Ромашка&quot; &amp; Co');
    expect(t.html).toContain('Договор № A&lt;1&gt;');
    expect(t.html).not.toContain('<1>');
    expect(t.subject).toBe('Договор № A<1>: статус «Новый Bcc: x@evil.example»');
    expect(t.sms).not.toMatch(/[\r\n]/);
  });

  it('keeps an SMS within two parts', () => {
    const t = renderNotification(
      {
        ...facts,
        kind: 'profile_request',
        params: {
          field: 'email',
          status: 'rejected',
          resolution: 'очень длинный ответ '.repeat(20),
        },
      },
      BASE,
    );
    expect([...t.sms]).toHaveLength(SMS_MAX_LENGTH);
    expect(t.sms.endsWith('…')).toBe(true);
    expect(t.text).toContain('очень длинный ответ '.repeat(20).trim());
  });

  it('greets without a name when 1C has none', () => {
    const t = renderNotification(
      { ...facts, customerName: ' ', kind: 'contract_added', params: { number: '1' } },
      BASE,
    );
    expect(t.text.startsWith('Здравствуйте!\n')).toBe(true);
  });

  it('signs with the company’s name and contacts, and names it first in the SMS', () => {
    const company = {
      name: 'Гранит & Мастер',
      phones: ['+74951201000'],
      email: 'info@granit-master.example',
      address: null,
    };
    const t = renderNotification(
      { ...facts, kind: 'contract_added', params: { number: 'ГМ-000101' } },
      BASE,
      company,
    );
    expect(t.text).toContain(
      '\n\nС уважением,\nГранит & Мастер\n+7 495 120-10-00, info@granit-master.example\n\n—\n',
    );
    expect(t.html).toContain(
      'С уважением,<br>Гранит &amp; Мастер<br>+7 495 120-10-00, info@granit-master.example',
    );
    expect(t.sms).toBe('Гранит & Мастер: Договор № ГМ-000101 добавлен в кабинет');
    const long = renderNotification(
      {
        ...facts,
        kind: 'profile_request',
        params: { field: 'email', status: 'rejected', resolution: 'ответ '.repeat(40) },
      },
      BASE,
      company,
    );
    expect([...long.sms]).toHaveLength(SMS_MAX_LENGTH);
  });

  it('says a chat’s news with the chat and contract, links to the chat, and keeps the link whole in the SMS', () => {
    const chatId = '0b7c2b0e-0000-4000-8000-00000000c001';
    const chat = { chatId, chatNumber: '123', contractNumber: 'ГМ-000101' };
    const company = { name: 'Гранит-Мастер', phones: [], email: null, address: null };
    const render = (
      kind: Parameters<typeof renderNotification>[0]['kind'],
      params: Record<string, string | null>,
    ) => renderNotification({ ...facts, contractId: null, chatId, kind, params }, BASE, company);
    const one = render('chat_message', {
      ...chat,
      count: '1',
      actor: 'Соколова Анна Викторовна',
      preview: 'Макет готов',
    });
    expect(one.subject).toBe('Новое сообщение в чате Ч-000123 по договору № ГМ-000101');
    expect(one.text).toContain('Соколова Анна Викторовна: «Макет готов»\n');
    expect(one.text).toContain(`Открыть чат: ${BASE}/chats/${chatId}\n`);
    expect(one.sms).toBe(
      `Гранит-Мастер: Новое сообщение по договору № ГМ-000101 ${BASE}/chats/${chatId}`,
    );
    const many = render('chat_message', { ...chat, count: '5', actor: 'Соколова', preview: 'x' });
    expect(many.subject).toBe('Новые сообщения в чате Ч-000123 по договору № ГМ-000101: 5');
    expect(many.text).toContain('Последнее — Соколова: «x»');
    expect(many.sms).toBe(
      `Гранит-Мастер: Новые сообщения (5) по договору № ГМ-000101 ${BASE}/chats/${chatId}`,
    );
    // A long company name gives way; the link stays whole and the SMS within two parts.
    const long = renderNotification(
      { ...facts, contractId: null, chatId, kind: 'approval_requested', params: chat },
      BASE,
      { ...company, name: 'Очень длинное название компании'.repeat(3) },
    );
    expect([...long.sms].length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(long.sms.endsWith(` ${BASE}/chats/${chatId}`)).toBe(true);

    expect(render('approval_requested', { ...chat, deadline: '2027-02-01' }).subject).toBe(
      'Нужно ваше согласование в чате Ч-000123 по договору № ГМ-000101 до 01.02.2027',
    );
    const rejected = render('approval_decided', {
      ...chat,
      decision: 'rejected',
      reason: 'Другой шрифт',
    });
    expect(rejected.subject).toBe(
      'Клиент отклонил согласование в чате Ч-000123 по договору № ГМ-000101',
    );
    expect(rejected.text).toContain('Причина: Другой шрифт\n');
    expect(
      render('approval_revoked', {
        ...chat,
        chatNumber: '7',
        contractNumber: null,
        chatTitle: 'Гравировка',
      }).subject,
    ).toBe('Решение по согласованию отменено в чате Ч-000007 «Гравировка»: нужно решить снова');
  });

  it('writes to staff without pointing them to a customer’s settings', () => {
    const t = renderNotification(
      {
        kind: 'chat_message',
        params: { chatId: 'c1', chatNumber: '1', count: '1', actor: 'Иванова', preview: 'Да' },
        contractId: null,
        chatId: 'c1',
        recipient: 'staff',
        customerName: 'Соколова Анна Викторовна',
      },
      BASE,
    );
    expect(t.text).toContain('Здравствуйте, Соколова Анна Викторовна!');
    expect(t.text).not.toContain('/profile');
    expect(t.html).not.toContain('/profile');
    expect(t.text).toContain('не чаще раза в час.\n');
  });
});
