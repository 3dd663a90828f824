import { useEffect, useState } from 'react';

/**
 * A run starts a moment after "run now" or an upload is accepted: for a short while afterwards
 * the page polls as if something were running, so the new run shows up without a reload.
 */
const WATCH_MS = 15_000;

export function useWatchWindow(): [boolean, () => void] {
  const [until, setUntil] = useState(0);
  const active = until > 0;
  useEffect(() => {
    if (!until) return;
    const timer = setTimeout(() => setUntil(0), Math.max(0, until - Date.now()));
    return () => clearTimeout(timer);
  }, [until]);
  return [active, () => setUntil(Date.now() + WATCH_MS)];
}
