import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLogout } from '../features/auth';
import { useBrand } from '../features/company';
import { fakeApi, renderPage } from '../test/render';

/** Like the theme: observes the brand and nothing else, so nothing else re-renders it. */
function BrandName() {
  return <p>{useBrand().data?.name ?? 'none'}</p>;
}

function LogoutButton() {
  const logout = useLogout();
  return <button onClick={() => logout.mutate()}>out</button>;
}

function BrandTitle() {
  return (
    <>
      <BrandName />
      <LogoutButton />
    </>
  );
}

describe('queries kept when the person changes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the public brand at logout, so what shows it keeps following it', async () => {
    let name = 'Гранит-Мастер';
    fakeApi({
      'GET /api/company/brand': () =>
        Response.json({ name, description: null, logoUrl: null, color: null }),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { client } = renderPage(<BrandTitle />);
    expect(await screen.findByText('Гранит-Мастер')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'out' }));
    name = 'Новое имя';
    await client.invalidateQueries({ queryKey: ['company', 'brand'] });
    expect(await screen.findByText('Новое имя')).toBeTruthy();
  });
});
