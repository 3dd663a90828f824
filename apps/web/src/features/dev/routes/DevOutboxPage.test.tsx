import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, renderPage } from '../../../test/render';
import { DevOutboxPage } from './DevOutboxPage';

describe('DevOutboxPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the messages the dev SMS gateway sent', async () => {
    fakeApi({
      'GET /api/dev/outbox': () =>
        Response.json([
          {
            id: '1',
            phone: '+79123456789',
            text: 'Код для входа: 123456',
            createdAt: '2026-11-22T21:00:00.000Z',
          },
        ]),
    });
    renderPage(<DevOutboxPage />, '/dev/outbox');
    expect(await screen.findByText('Код для входа: 123456')).toBeTruthy();
    expect(screen.getByText('+7 912 345-67-89')).toBeTruthy();
  });

  it('says it is not available where the API has no outbox (production)', async () => {
    const calls = fakeApi({ 'GET /api/dev/outbox': () => problem(404, 'not_found') });
    renderPage(<DevOutboxPage />, '/dev/outbox');
    expect(await screen.findByText('Недоступно в production')).toBeTruthy();
    expect(calls).toEqual(['GET /api/dev/outbox']);
  });
});
