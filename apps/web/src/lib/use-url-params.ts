import { useContext, useLayoutEffect, useRef } from 'react';
import { UNSAFE_DataRouterContext, useLocation, useSearchParams } from 'react-router';

/**
 * The URL's query and a way to change some of its parameters. Each change builds on the last one
 * asked for, not on the render's snapshot: react-router's own setter (even its function form)
 * starts from the parameters of the render it came from, so two changes before the next render —
 * a debounced search firing while a filter choice is still rendering — would drop the first.
 * A change asked for after the app went to another page is dropped: a lazy page keeps the old
 * one on screen while it loads, and its debounced search would write into the new page's URL.
 */
export function useUrlParams(): [
  URLSearchParams,
  (change: (next: URLSearchParams) => void) => void,
] {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  // The router's own state is ahead of the rendered page while the next page loads.
  const router = useContext(UNSAFE_DataRouterContext)?.router;
  const latest = useRef(params);
  // Whatever the router settles on (navigation, back button, a change of ours landing) wins.
  useLayoutEffect(() => {
    latest.current = params;
  }, [params]);
  const update = (change: (next: URLSearchParams) => void) => {
    if (router && router.state.location.pathname !== pathname) return;
    const next = new URLSearchParams(latest.current);
    change(next);
    latest.current = next;
    setParams(next);
  };
  return [params, update];
}
