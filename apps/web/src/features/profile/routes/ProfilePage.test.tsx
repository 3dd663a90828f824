import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEXT_LIMITS } from '@kabinet/shared';
import { meKeys } from '../../me';
import { customerMe, profile } from '../../../test/fixtures';
import { fakeApi, problem, renderRoutes, testQueryClient } from '../../../test/render';
import { ProfilePage } from './ProfilePage';

function renderProfile(me = customerMe) {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  return renderRoutes(
    [
      { path: '/profile', element: <ProfilePage /> },
      { path: '/login', element: <p>login page</p> },
    ],
    '/profile',
    client,
  );
}

describe('ProfilePage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows contact data as 1C has it and my requests with their answers', async () => {
    fakeApi({ 'GET /api/profile': () => Response.json(profile) });
    renderProfile();
    const contacts = await screen.findByTestId('profile-contacts');
    expect(contacts.textContent).toContain('+7 912 345-67-89');
    expect(contacts.textContent).toContain('в 1С записан как 8 (912) 345-67-89');
    expect(contacts.textContent).toContain('Москва, ул. Лесная, 5');
    const request = screen.getByTestId('change-request');
    expect(request.textContent).toContain('E-mail: maria@example.ru');
    expect(request.textContent).toContain('Отклонена');
    expect(request.textContent).toContain('Ответ менеджера: Нужен личный e-mail');
  });

  it('offers a family member (a shared contract, no record in 1C) nothing to change, and says why', async () => {
    fakeApi({
      'GET /api/profile': () =>
        Response.json({ ...profile, inBooks: false, requisites: [], changeRequests: [] }),
    });
    renderProfile();
    const contacts = await screen.findByTestId('profile-contacts');
    expect(screen.getByTestId('profile-contacts-hint').textContent).toContain(
      'Ваших данных нет в учёте компании',
    );
    expect(within(contacts).queryByTestId('change-request-open')).toBeNull();
    expect(screen.queryByTestId('profile-requests')).toBeNull();
  });

  it('shows a company’s requisites and bank accounts in «Реквизиты»; a person has no such card', async () => {
    const company = {
      ...profile,
      fullName: 'Северный ветер ООО',
      phone: '+73452506070',
      phoneRaw: '+7 (3452) 50-60-70',
      legal: {
        inn: '7203123456',
        kpp: '720301001',
        officialName: 'Общество с ограниченной ответственностью «Северный ветер»',
        legalAddress: '625000, г. Тюмень, ул. Республики, д. 14, офис 301',
        postalAddress: '625003, г. Тюмень, а/я 112',
        bankAccounts: [
          {
            account: '40702810500000012345',
            bankName: 'АО «Банк Пример», г. Тюмень',
            bik: '047102987',
            correspondentAccount: '30101810400000000987',
          },
        ],
      },
    };
    fakeApi({ 'GET /api/profile': () => Response.json(company) });
    const first = renderProfile();
    const card = await screen.findByTestId('profile-legal');
    for (const text of [
      'Реквизиты',
      'Полное наименованиеОбщество с ограниченной ответственностью «Северный ветер»',
      'ИНН7203123456',
      'КПП720301001',
      'Адрес регистрации625000, г. Тюмень, ул. Республики, д. 14, офис 301',
      'Почтовый адрес625003, г. Тюмень, а/я 112',
      'Расчётный счёт40702810500000012345',
      'БИК047102987',
      'Корр. счёт30101810400000000987',
    ]) {
      expect(card.textContent).toContain(text);
    }
    const contacts = screen.getByTestId('profile-contacts').textContent;
    expect(contacts).toContain('НаименованиеСеверный ветер ООО');
    expect(contacts).toContain('+7 345 250-60-70');
    first.unmount();
    fakeApi({ 'GET /api/profile': () => Response.json(profile) });
    renderProfile();
    await screen.findByTestId('profile-contacts');
    expect(screen.queryByTestId('profile-legal')).toBeNull();
  });

  it('keeps a phone 1C wrote that is not a number, and says it cannot log in', async () => {
    fakeApi({
      'GET /api/profile': () =>
        Response.json({ ...profile, phone: null, phoneRaw: 'звонить секретарю' }),
    });
    renderProfile();
    const contacts = await screen.findByTestId('profile-contacts');
    expect(contacts.textContent).toContain('звонить секретарю');
    expect(contacts.textContent).toContain('это не номер телефона, войти по нему нельзя');
  });

  it('shows a phone request’s new and previous numbers formatted', async () => {
    const phoneRequest = {
      ...profile.changeRequests[0]!,
      field: 'phone' as const,
      value: '+79001112233',
      previousValue: '+79123456789',
      status: 'pending' as const,
      resolution: null,
      resolvedAt: null,
    };
    fakeApi({
      'GET /api/profile': () => Response.json({ ...profile, changeRequests: [phoneRequest] }),
    });
    renderProfile();
    const request = await screen.findByTestId('change-request');
    expect(request.textContent).toContain('+7 900 111-22-33');
    expect(request.textContent).toContain('+7 912 345-67-89');
    expect(request.textContent).not.toContain('+79123456789');
  });

  it('checks a change request before sending it, and shows the API’s field messages', async () => {
    const sent: unknown[] = [];
    fakeApi({
      'GET /api/profile': () => Response.json(profile),
      'POST /api/profile/change-requests': (_req, body) => {
        sent.push(body);
        if (sent.length === 1) {
          return problem(422, 'validation_failed', {
            fields: [{ path: 'value', message: 'Этот номер уже ваш' }],
          });
        }
        return Response.json(profile.changeRequests[0], { status: 201 });
      },
    });
    renderProfile();
    await userEvent.click(await screen.findByTestId('change-request-open'));
    const form = screen.getByTestId('change-request-form');
    await userEvent.type(within(form).getByTestId('change-request-value'), '12');
    await userEvent.click(screen.getByTestId('change-request-submit'));
    expect(
      await screen.findByText('Введите номер телефона, например +7 912 345-67-89'),
    ).toBeTruthy();
    expect(sent).toEqual([]);
    await userEvent.clear(screen.getByTestId('change-request-value'));
    await userEvent.type(screen.getByTestId('change-request-value'), '+7 916 555-44-33');
    await userEvent.click(screen.getByTestId('change-request-submit'));
    expect(await screen.findByText('Этот номер уже ваш')).toBeTruthy();
    await userEvent.click(screen.getByTestId('change-request-submit'));
    expect(await screen.findByTestId('change-request-sent')).toBeTruthy();
    expect(sent[1]).toEqual({ field: 'phone', value: '+7 916 555-44-33' });
  }, 20_000); // types a few dozen characters: slow on a busy machine

  it('keeps a long pasted comment whole, counts it against the shared limit and says the limit', async () => {
    const sent: unknown[] = [];
    fakeApi({
      'GET /api/profile': () => Response.json(profile),
      'POST /api/profile/change-requests': (_req, body) => {
        sent.push(body);
        return problem(400, 'validation_failed', {
          fields: [
            { path: 'comment', message: 'comment takes at most 1000 characters', maxLength: 1000 },
          ],
        });
      },
    });
    renderProfile();
    await userEvent.click(await screen.findByTestId('change-request-open'));
    const form = screen.getByTestId('change-request-form');
    fireEvent.change(within(form).getByTestId('change-request-value'), {
      target: { value: '+7 916 555-44-33' },
    });
    const comment = within(form).getByTestId('change-request-comment') as HTMLTextAreaElement;
    expect(comment.maxLength).toBe(-1); // a paste is never cut silently
    const counter = () =>
      within(form)
        .getAllByTestId('char-counter')
        .map((c) => c.textContent);
    expect(counter()).toEqual([`0 из 1\u00a0000`]);
    await userEvent.click(comment);
    await userEvent.paste('слово'.repeat(567) + 'иещё'); // 2,839 characters
    expect(comment.value).toHaveLength(2839);
    expect(counter()).toEqual([`2\u00a0839 из 1\u00a0000`]);
    await userEvent.click(screen.getByTestId('change-request-submit'));
    expect(await screen.findByText('Не больше 1000 символов: сократите текст')).toBeTruthy();
    expect(sent).toEqual([]);
    // Shortened to the limit, it goes; the API's limit message is said in Russian too.
    fireEvent.change(comment, { target: { value: 'я'.repeat(TEXT_LIMITS.changeRequestComment) } });
    await userEvent.click(screen.getByTestId('change-request-submit'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(await screen.findByText('Не больше 1000 символов: сократите текст')).toBeTruthy();
  }, 20_000);

  it('switches a notification setting at once and puts it back when the API refuses', async () => {
    let fail = false;
    const puts: unknown[] = [];
    fakeApi({
      'GET /api/profile': () => Response.json(profile),
      'PUT /api/profile/notification-settings': (_req, body) => {
        puts.push(body);
        if (fail) return problem(500, 'internal');
        const item = (body as { items: Array<{ kind: string; channel: string; enabled: boolean }> })
          .items[0]!;
        return Response.json({
          ...profile,
          notificationSettings: profile.notificationSettings.map((s) =>
            s.kind === item.kind && s.channel === item.channel ? item : s,
          ),
        });
      },
    });
    renderProfile();
    const sms = (await screen.findByTestId('setting-contract_status-sms')) as HTMLInputElement;
    expect(sms.checked).toBe(false);
    fireEvent.click(sms);
    await waitFor(() => expect(sms.checked).toBe(true));
    expect(puts).toEqual([{ items: [{ kind: 'contract_status', channel: 'sms', enabled: true }] }]);
    fail = true;
    const email = screen.getByTestId('setting-payment_received-email') as HTMLInputElement;
    fireEvent.click(email);
    expect(await screen.findByRole('alert')).toBeTruthy();
    await waitFor(() => expect(email.checked).toBe(true));
  });

  it('lists the chat’s news among the settings, but not what only staff are told', async () => {
    fakeApi({ 'GET /api/profile': () => Response.json(profile) });
    renderProfile();
    const settings = await screen.findByTestId('notification-settings');
    for (const kind of ['chat_message', 'approval_requested', 'approval_revoked']) {
      expect(within(settings).getByTestId(`setting-${kind}-email`)).toBeTruthy();
      expect(within(settings).getByTestId(`setting-${kind}-sms`)).toBeTruthy();
    }
    expect(within(settings).queryByTestId('setting-approval_decided-email')).toBeNull();
    expect(settings.textContent).toContain('Новые сообщения в чате');
  });

  it('logs out everywhere after a confirmation', async () => {
    const calls = fakeApi({
      'GET /api/profile': () => Response.json(profile),
      'POST /api/auth/logout-everywhere': () => new Response(null, { status: 204 }),
    });
    renderProfile();
    await userEvent.click(await screen.findByTestId('logout-everywhere'));
    await userEvent.click(await screen.findByTestId('logout-everywhere-confirm'));
    expect(await screen.findByText('login page')).toBeTruthy();
    expect(calls).toContain('POST /api/auth/logout-everywhere');
  });

  it('changes nothing while staff view the cabinet as the customer', async () => {
    fakeApi({ 'GET /api/profile': () => Response.json(profile) });
    renderProfile({ ...customerMe, viewAs: { staffUserId: customerMe.id, staffName: 'Орлов' } });
    expect(((await screen.findByTestId('change-request-open')) as HTMLButtonElement).disabled).toBe(
      true,
    );
    // The customer's real settings, readable: text and a mark, not a greyed-out switch.
    const settings = screen.getByTestId('notification-settings');
    expect(within(settings).queryAllByRole('switch')).toEqual([]);
    expect(settings.textContent).toContain('Изменить их может только сам клиент');
    for (const s of profile.notificationSettings) {
      const shown = screen.getByTestId(`setting-${s.kind}-${s.channel}`);
      expect(shown.getAttribute('data-checked')).toBe(String(s.enabled));
      expect(shown.textContent).toBe(s.enabled ? 'вкл.' : 'выкл.');
    }
    expect(screen.queryByTestId('logout-everywhere')).toBeNull();
  });
});
