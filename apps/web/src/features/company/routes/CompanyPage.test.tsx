import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, renderPage } from '../../../test/render';
import type { Company } from '../api/get-company';
import { CompanyPage } from './CompanyPage';

const company: Company = {
  name: 'Гранит-Мастер',
  description: 'Памятники и благоустройство, ремонт квартир',
  logoUrl: null,
  color: null,
  phones: ['+74951201000'],
  email: 'info@granit-master.example',
  address: 'Москва, Каменная улица, 12',
  hours: 'Пн–Пт 9:00–19:00',
};
const LOGO = '/api/company/logo/7f1c0d3e-2a00-4b00-8000-000000000001';

function fileInput(): HTMLInputElement {
  return document.querySelector('input[type="file"]')!;
}

describe('CompanyPage (admins)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the stored profile in the form', async () => {
    fakeApi({ 'GET /api/company': () => Response.json(company) });
    renderPage(<CompanyPage />);
    const form = await screen.findByRole('form', { name: 'Профиль компании' });
    expect((within(form).getByLabelText(/Название/) as HTMLInputElement).value).toBe(
      'Гранит-Мастер',
    );
    expect((within(form).getByLabelText('Телефон 1') as HTMLInputElement).value).toBe(
      '+7 495 120-10-00',
    );
    expect(screen.getByText('Логотипа нет')).toBeTruthy();
  });

  it('checks the fields before saving, with readable messages, and offers a readable colour', async () => {
    const calls = fakeApi({ 'GET /api/company': () => Response.json(company) });
    renderPage(<CompanyPage />);
    const form = await screen.findByRole('form', { name: 'Профиль компании' });
    await userEvent.clear(within(form).getByLabelText(/Название/));
    await userEvent.click(within(form).getByTestId('company-add-phone'));
    await userEvent.type(within(form).getByLabelText('Телефон 2'), '12345');
    await userEvent.clear(within(form).getByLabelText('E-mail'));
    await userEvent.type(within(form).getByLabelText('E-mail'), 'info');
    await userEvent.type(within(form).getByLabelText('Фирменный цвет'), '#ffd43b');
    await userEvent.click(within(form).getByRole('button', { name: 'Сохранить' }));

    expect(await within(form).findByText('Обязательное поле')).toBeTruthy();
    expect(within(form).getByText(/Введите номер телефона/)).toBeTruthy();
    expect(within(form).getByText(/Введите e-mail/)).toBeTruthy();
    expect(within(form).getByText('Слишком светлый: белый текст на нём не прочитать')).toBeTruthy();
    expect(calls).not.toContain('PUT /api/company');

    const hint = within(form).getByTestId('company-color-hint');
    expect(hint.textContent).toContain('Контраст с белым текстом — 1,4 : 1');
    await userEvent.click(within(hint).getByRole('button', { name: /Взять #[0-9a-f]{6}/ }));
    await waitFor(() => expect(within(form).queryByText(/Слишком светлый/)).toBeNull());
    expect(within(form).getByTestId('company-color-preview')).toBeTruthy();
  });

  it('saves: sends what the form says and shows it is saved', async () => {
    let sent: unknown;
    fakeApi({
      'GET /api/company': () => Response.json(company),
      'PUT /api/company': (_, body) => {
        sent = body;
        return Response.json({ ...company, name: 'Гранит-Мастер и Ко', color: '#1864ab' });
      },
    });
    renderPage(<CompanyPage />);
    const form = await screen.findByRole('form', { name: 'Профиль компании' });
    await userEvent.clear(within(form).getByLabelText(/Название/));
    await userEvent.type(within(form).getByLabelText(/Название/), 'Гранит-Мастер и Ко');
    await userEvent.type(within(form).getByLabelText('Фирменный цвет'), '#1864AB');
    await userEvent.clear(within(form).getByLabelText('Часы работы'));
    await userEvent.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', 'Сохранено');
    expect(sent).toEqual({
      name: 'Гранит-Мастер и Ко',
      description: 'Памятники и благоустройство, ремонт квартир',
      color: '#1864ab',
      phones: ['+7 495 120-10-00'],
      email: 'info@granit-master.example',
      address: 'Москва, Каменная улица, 12',
      hours: null,
    });
  });

  it('puts the API’s field messages next to their fields', async () => {
    fakeApi({
      'GET /api/company': () => Response.json(company),
      'PUT /api/company': () =>
        problem(400, 'validation_failed', {
          fields: [{ path: 'phones.0', message: 'Not a phone number: +7 495 120-10-00' }],
        }),
    });
    renderPage(<CompanyPage />);
    const form = await screen.findByRole('form', { name: 'Профиль компании' });
    await userEvent.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect(await within(form).findByText('Not a phone number: +7 495 120-10-00')).toBeTruthy();
  });

  it('uploads a logo and shows it; refuses what is not an image or too large', async () => {
    let uploads = 0;
    fakeApi({
      'GET /api/company': () => Response.json(company),
      'PUT /api/company/logo': () => {
        uploads++;
        return uploads === 1
          ? problem(400, 'validation_failed', {
              fields: [
                { path: 'file', message: 'The logo must be a PNG, JPEG, GIF or WebP image' },
              ],
            })
          : Response.json({ ...company, logoUrl: LOGO });
      },
      'DELETE /api/company/logo': () => Response.json(company),
    });
    const user = userEvent.setup({ applyAccept: false });
    renderPage(<CompanyPage />);
    const card = await screen.findByTestId('company-logo-card');

    await user.upload(fileInput(), new File(['%PDF-1.7'], 'logo.pdf', { type: 'application/pdf' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'Это не изображение PNG, JPEG, GIF или WebP',
    );
    const big = new File([new Uint8Array(1024 * 1024 + 1)], 'big.png', { type: 'image/png' });
    await user.upload(fileInput(), big);
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'Файл больше 1 МБ: уменьшите изображение',
    );
    expect(uploads).toBe(0);

    // The browser said PNG; the API read the bytes and disagreed.
    await user.upload(fileInput(), new File(['<html>'], 'logo.png', { type: 'image/png' }));
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'Это не изображение PNG, JPEG, GIF или WebP',
    );
    await user.upload(fileInput(), new File(['png'], 'logo.png', { type: 'image/png' }));
    const preview = await within(card).findByRole('img', { name: 'Логотип компании' });
    expect(preview.getAttribute('src')).toBe(LOGO);
    expect(within(card).queryByRole('alert')).toBeNull();

    await user.click(within(card).getByRole('button', { name: 'Удалить' }));
    expect(await within(card).findByText('Логотипа нет')).toBeTruthy();
  });
});
