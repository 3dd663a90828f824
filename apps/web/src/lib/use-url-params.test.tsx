import { act, render, renderHook, screen } from '@testing-library/react';
import { lazy, Suspense, type ReactNode } from 'react';
import {
  createMemoryRouter,
  Link,
  MemoryRouter,
  RouterProvider,
  useLocation,
  useNavigate,
} from 'react-router';
import { describe, expect, it } from 'vitest';
import { useUrlParams } from './use-url-params';

function setup(initial: string) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MemoryRouter initialEntries={[`/contracts${initial}`]}>{children}</MemoryRouter>
  );
  return renderHook(
    () => ({ url: useUrlParams(), location: useLocation(), navigate: useNavigate() }),
    { wrapper },
  );
}

describe('useUrlParams', () => {
  it('keeps two changes made before the next render (a filter, then a debounced search)', () => {
    const { result } = setup('?q=ГМ&state=all');
    // Both handlers hold the same render's updater, as a debounced callback does.
    const [, update] = result.current.url;
    act(() => {
      update((p) => p.set('status', 'Выполнен'));
      update((p) => p.delete('q'));
    });
    const search = new URLSearchParams(result.current.location.search);
    expect(Object.fromEntries(search)).toEqual({ state: 'all', status: 'Выполнен' });
    expect(result.current.url[0].get('status')).toBe('Выполнен');
  });

  it('builds on a URL that changed from outside (a link, the back button)', () => {
    const { result } = setup('?state=active');
    act(() => result.current.url[1]((p) => p.set('q', 'Смирнов')));
    void act(() => result.current.navigate('/contracts?state=closed'));
    act(() => result.current.url[1]((p) => p.set('sort', 'number.asc')));
    expect(result.current.location.search).toBe('?state=closed&sort=number.asc');
  });

  it('drops a change asked for after the app went on to another page (still loading)', async () => {
    let release!: () => void;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const Next = lazy(() => loaded.then(() => ({ default: () => <p>chat page</p> })));
    let update!: ReturnType<typeof useUrlParams>[1];
    function List() {
      update = useUrlParams()[1];
      return <Link to="/chats/1">open</Link>;
    }
    const router = createMemoryRouter(
      [
        { path: '/chats', element: <List /> },
        {
          path: '/chats/:id',
          element: (
            <Suspense fallback={<p>loading</p>}>
              <Next />
            </Suspense>
          ),
        },
      ],
      { initialEntries: ['/chats'] },
    );
    render(<RouterProvider router={router} />);
    act(() => screen.getByText('open').click());
    expect(router.state.location.pathname).toBe('/chats/1');
    // The list's debounced search fires now: the chat's URL stays as it is.
    act(() => update((p) => p.set('q', 'ГМ')));
    expect(router.state.location.search).toBe('');
    await act(async () => {
      release();
      await loaded;
    });
    expect(await screen.findByText('chat page')).toBeTruthy();
    expect(router.state.location.search).toBe('');
  });
});
