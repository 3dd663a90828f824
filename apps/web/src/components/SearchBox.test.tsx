import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '../test/render';
import { SearchBox } from './SearchBox';

afterEach(() => vi.useRealTimers());

function setup() {
  vi.useFakeTimers();
  const onSearch = vi.fn();
  renderPage(
    <SearchBox value="" onSearch={onSearch} placeholder="Search" label="Search" testId="box" />,
  );
  return onSearch;
}

describe('SearchBox', () => {
  it('reports once typing pauses, from 2 characters', () => {
    const onSearch = setup();
    fireEvent.change(screen.getByTestId('box'), { target: { value: 'С' } });
    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(onSearch).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('box'), { target: { value: 'Смирнов' } });
    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(onSearch).toHaveBeenCalledExactlyOnceWith('Смирнов');
  });

  it('clearing wins over a search still waiting for the pause', () => {
    const onSearch = setup();
    fireEvent.change(screen.getByTestId('box'), { target: { value: 'Смирнов' } });
    fireEvent.click(screen.getByRole('button'));
    act(() => {
      vi.advanceTimersByTime(400);
    });
    expect(onSearch.mock.calls).toEqual([['']]);
    expect((screen.getByTestId('box') as HTMLInputElement).value).toBe('');
  });
});
