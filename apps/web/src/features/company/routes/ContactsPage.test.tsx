import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meKeys } from '../../me';
import { customerMe, managerMe, profile } from '../../../test/fixtures';
import { fakeApi, renderRoutes, testQueryClient } from '../../../test/render';
import { ContactsPage } from './ContactsPage';

const company = {
  name: 'Гранит-Мастер',
  phones: ['+74951201000', '+74951201010'],
  email: 'info@granit-master.example',
  address: 'Москва, Каменная улица, 12',
  hours: 'Пн–Пт 9:00–19:00, Сб 10:00–16:00',
};
const nothing = { name: null, phones: [], email: null, address: null, hours: null };

function renderContacts(me = customerMe) {
  const client = testQueryClient();
  client.setQueryData(meKeys.me(), me);
  return renderRoutes([{ path: '/contacts', element: <ContactsPage /> }], '/contacts', client);
}

describe('ContactsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the company’s contacts and my managers with call and write links', async () => {
    fakeApi({
      'GET /api/company': () => Response.json(company),
      'GET /api/profile': () => Response.json(profile),
    });
    renderContacts();
    expect(screen.getByRole('heading', { name: 'Контакты' })).toBeTruthy();
    const card = await screen.findByTestId('contacts-company');
    expect(card.textContent).toContain('Гранит-Мастер');
    const phones = screen.getAllByTestId('contacts-phone');
    expect(phones.map((p) => [p.getAttribute('href'), p.textContent])).toEqual([
      ['tel:+74951201000', '+7 495 120-10-00'],
      ['tel:+74951201010', '+7 495 120-10-10'],
    ]);
    expect(card.textContent).toContain('Телефоны');
    expect(screen.getByTestId('contacts-email').getAttribute('href')).toBe(
      'mailto:info@granit-master.example',
    );
    expect(screen.getByTestId('contacts-address').textContent).toBe(company.address);
    expect(screen.getByTestId('contacts-hours').textContent).toBe(company.hours);
    const managers = await screen.findAllByTestId('my-manager');
    expect(managers).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Ваш менеджер' })).toBeTruthy();
    expect(screen.getByTestId('contacts-managers').textContent).toContain('Ответит на вопросы');
    expect(managers[0]!.textContent).toContain('Соколова Анна Викторовна');
    expect(screen.getByTestId('my-manager-phone').getAttribute('href')).toBe('tel:+74951201001');
    expect(screen.getByTestId('my-manager-phone').textContent).toBe('+7 495 120-10-01');
    expect(screen.getByTestId('my-manager-email').getAttribute('href')).toBe(
      'mailto:sokolova@example.com',
    );
    expect(screen.queryByTestId('contacts-not-configured')).toBeNull();
  });

  it('hides what is not configured', async () => {
    fakeApi({
      'GET /api/company': () => Response.json({ ...nothing, phones: ['+74951201000'] }),
      'GET /api/profile': () => Response.json(profile),
    });
    renderContacts();
    const card = await screen.findByTestId('contacts-company');
    expect(card.textContent).toContain('Компания');
    expect(card.textContent).toContain('Телефон');
    expect(card.textContent).not.toContain('Телефоны');
    expect(screen.queryByTestId('contacts-email')).toBeNull();
    expect(screen.queryByTestId('contacts-address')).toBeNull();
    expect(screen.queryByTestId('contacts-hours')).toBeNull();
  });

  it('with nothing configured says so and shows only my managers', async () => {
    fakeApi({
      'GET /api/company': () => Response.json(nothing),
      'GET /api/profile': () => Response.json({ ...profile, managers: [] }),
    });
    renderContacts();
    expect((await screen.findByTestId('contacts-not-configured')).textContent).toContain(
      'Контакты компании пока не указаны',
    );
    expect(screen.queryByTestId('contacts-company')).toBeNull();
    expect((await screen.findByTestId('contacts-managers')).textContent).toContain(
      'Менеджер появится, когда его назначат по договору',
    );
  });

  it('shows staff the company’s contacts without asking for a customer profile', async () => {
    const calls = fakeApi({ 'GET /api/company': () => Response.json(company) });
    renderContacts(managerMe);
    await screen.findByTestId('contacts-company');
    expect(screen.queryByTestId('contacts-managers')).toBeNull();
    expect(calls).not.toContain('GET /api/profile');
  });
});
