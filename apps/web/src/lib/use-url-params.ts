import { useLayoutEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The URL's query and a way to change some of its parameters. Each change builds on the last one
 * asked for, not on the render's snapshot: react-router's own setter (even its function form)
 * starts from the parameters of the render it came from, so two changes before the next render —
 * a debounced search firing while a filter choice is still rendering — would drop the first.
 */
export function useUrlParams(): [
  URLSearchParams,
  (change: (next: URLSearchParams) => void) => void,
] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  // Whatever the router settles on (navigation, back button, a change of ours landing) wins.
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(latest.current);
    change(next);
    latest.current = next;
    setParams(next);
  };
  return [params, update];
}
