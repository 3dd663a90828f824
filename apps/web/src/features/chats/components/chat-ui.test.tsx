import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18n from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { systemText } from '../system-text';
import { MessageText } from './MessageText';
import { SendForm } from './SendForm';
import { shortName } from './ChatPreview';

describe('MessageText', () => {
  it('makes links clickable and never renders typed HTML', () => {
    const { container } = render(
      <MantineProvider>
        <MessageText
          body={
            'См. https://example.ru/a?b=1 и <img src=x onerror=alert(1)><b>жирный</b>\njavascript:alert(1)'
          }
        />
      </MantineProvider>,
    );
    const link = screen.getByRole('link', { name: 'https://example.ru/a?b=1' });
    expect(link).toHaveProperty('href', 'https://example.ru/a?b=1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByTestId('message-text').textContent).toContain('<b>жирный</b>');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  it('links www. addresses and e-mails', () => {
    render(
      <MantineProvider>
        <MessageText body="www.example.ru или mail@example.ru" />
      </MantineProvider>,
    );
    expect(screen.getByRole('link', { name: 'www.example.ru' })).toHaveProperty(
      'href',
      'https://www.example.ru/',
    );
    expect(screen.getByRole('link', { name: 'mail@example.ru' })).toHaveProperty(
      'href',
      'mailto:mail@example.ru',
    );
  });
});

describe('system lines', () => {
  it('are worded from their data in the reader’s language', async () => {
    const t = i18n.t.bind(i18n);
    const by = { name: 'Соколова Анна' };
    const person = { name: 'Петров Иван' };
    expect(systemText(t, { event: 'added', person, by })).toBe(
      'Соколова Анна добавил(а) в чат: Петров Иван',
    );
    expect(systemText(t, { event: 'removed', person, by })).toBe(
      'Соколова Анна удалил(а) из чата: Петров Иван',
    );
    expect(systemText(t, { event: 'opened', by })).toBe('Соколова Анна открыл(а) чат');
    expect(systemText(t, { event: 'something' })).toBe('Изменения в чате');
    await i18n.changeLanguage('en');
    expect(systemText(i18n.t.bind(i18n), { event: 'added', person, by })).toBe(
      'Соколова Анна added Петров Иван to the chat',
    );
    await i18n.changeLanguage('ru');
  });
});

function renderForm(chatId = 'chat-1', onSend = vi.fn(), canApprove = false) {
  const view = render(
    <MantineProvider>
      <SendForm chatId={chatId} canApprove={canApprove} onSend={onSend} />
    </MantineProvider>,
  );
  return { ...view, onSend };
}

describe('SendForm', () => {
  beforeEach(() => localStorage.clear());

  it('sends on Enter and makes a new line on Shift+Enter', async () => {
    const user = userEvent.setup();
    const { onSend } = renderForm();
    const input = screen.getByTestId('message-input');
    await user.type(input, 'Первая строка');
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    await user.type(input, 'вторая');
    expect(onSend).not.toHaveBeenCalled();
    expect((input as HTMLTextAreaElement).value).toBe('Первая строка\nвторая');
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledTimes(1);
    const [sent] = onSend.mock.calls[0]!;
    expect(sent.body).toBe('Первая строка\nвторая');
    expect(sent.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect((input as HTMLTextAreaElement).value).toBe('');
  });

  it('does not send an empty message', async () => {
    const user = userEvent.setup();
    const { onSend } = renderForm();
    await user.type(screen.getByTestId('message-input'), '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('keeps a draft per chat across a reload, and forgets it once sent', async () => {
    const user = userEvent.setup();
    const first = renderForm('chat-1');
    await user.type(screen.getByTestId('message-input'), 'черновик');
    first.unmount();
    renderForm('chat-2').unmount();
    const again = renderForm('chat-1');
    const input = screen.getByTestId('message-input') as HTMLTextAreaElement;
    expect(input.value).toBe('черновик');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(again.onSend).toHaveBeenCalledTimes(1);
    again.unmount();
    renderForm('chat-1');
    expect((screen.getByTestId('message-input') as HTMLTextAreaElement).value).toBe('');
  });

  it('asks for approval by a date, and says so in the reader’s language when the date has passed', async () => {
    const user = userEvent.setup();
    const { onSend } = renderForm('chat-1', vi.fn(), true);
    await user.click(screen.getByTestId('requires-approval'));
    const deadline = screen.getByTestId('approval-deadline');
    fireEvent.change(deadline, { target: { value: '2020-01-01' } });
    await user.type(screen.getByTestId('message-input'), 'Макет{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByTestId('form-notice').textContent).toBe('Срок не может быть в прошлом');
    fireEvent.change(deadline, { target: { value: '2099-12-31' } });
    await user.keyboard('{Enter}');
    expect(onSend.mock.calls[0]![0]).toMatchObject({
      body: 'Макет',
      requiresApproval: true,
      approvalDeadline: '2099-12-31',
    });
  });
});

describe('shortName', () => {
  it('keeps the surname and makes initials of a three-part Russian name, leaves others whole', () => {
    expect(shortName('Соколова Анна Викторовна')).toBe('Соколова А. В.');
    expect(shortName('ООО «Северный ветер»')).toBe('ООО «Северный ветер»');
    expect(shortName('Сын')).toBe('Сын');
    expect(shortName('ИП Смирнов Алексей')).toBe('ИП Смирнов Алексей');
    expect(shortName('Римский-Корсаков Николай Андреевич')).toBe('Римский-Корсаков Н. А.');
  });
});
