import { fireEvent, screen, within } from '@testing-library/react';
import { DEFAULT_NOTIFICATION_SETTINGS, NOTIFICATION_KINDS, OTP } from '@kabinet/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKeys } from '../../me';
import { en, ru } from '../../../lib/i18n';
import { customerMe, managerMe, profile } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { HelpPage, QUESTIONS } from './HelpPage';

function renderHelp(url = '/help', me = customerMe) {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  return renderRoutes([{ path: '/help', element: <HelpPage /> }], url, client);
}

describe('HelpPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists every question, opens an answer, and points to contacts and my manager', async () => {
    fakeApi({ 'GET /api/profile': () => Response.json(profile) });
    renderHelp();
    expect(screen.getByRole('heading', { name: 'Помощь' })).toBeTruthy();
    for (const key of QUESTIONS) {
      expect(screen.getByRole('button', { name: ru.help.questions[key].q })).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Как войти в кабинет?' }));
    const login = screen.getByTestId('help-login');
    // The login rules come from the same constants the API enforces.
    expect(login.textContent).toContain(`кодом из ${OTP.length} цифр`);
    expect(login.textContent).toContain(`действует ${OTP.ttlSeconds / 60} минут`);
    expect(login.textContent).not.toContain('{{');

    const notFound = screen.getByTestId('help-not-found');
    expect(notFound.textContent).toContain('Не нашли ответ?');
    expect(within(notFound).getByTestId('help-to-contacts').getAttribute('href')).toBe('/contacts');
    expect((await within(notFound).findByTestId('my-manager-phone')).getAttribute('href')).toBe(
      'tel:+74951201001',
    );
    expect(within(notFound).getByTestId('my-manager-email').getAttribute('href')).toBe(
      'mailto:sokolova@example.com',
    );
    // No feedback form: that is a feature of its own, not faked here.
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('opens the question named in the link', () => {
    fakeApi({ 'GET /api/profile': () => Response.json(profile) });
    renderHelp('/help#schedule');
    expect(
      screen
        .getByRole('button', { name: ru.help.questions.schedule.q })
        .getAttribute('aria-expanded'),
    ).toBe('true');
    expect(
      screen.getByRole('button', { name: ru.help.questions.login.q }).getAttribute('aria-expanded'),
    ).toBe('false');
  });

  it('for staff: the contacts link, no customer managers', () => {
    const calls = fakeApi({});
    renderHelp('/help', managerMe);
    expect(screen.getByTestId('help-to-contacts')).toBeTruthy();
    expect(screen.queryByTestId('my-manager')).toBeNull();
    expect(calls).not.toContain('GET /api/profile');
  });

  it('says what the product does: the default channels match the shared defaults', () => {
    // "by e-mail everything, by SMS only money" in both languages
    const money = ['payment_received', 'payment_reminder', 'payment_overdue'];
    for (const kind of NOTIFICATION_KINDS) {
      expect(DEFAULT_NOTIFICATION_SETTINGS[kind].email).toBe(true);
      expect(DEFAULT_NOTIFICATION_SETTINGS[kind].sms).toBe(money.includes(kind));
    }
    expect(ru.help.questions.notifications.a).toContain('по SMS — только о деньгах');
    expect(en.help.questions.notifications.a).toContain('only money by SMS');
  });
});
