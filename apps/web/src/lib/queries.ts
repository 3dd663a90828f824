import type { Query } from '@tanstack/react-query';

/**
 * Whether a cached query is about the signed-in person, and so forgotten when the person changes
 * (login, logout, view-as). Public data the same for everyone (the company's brand, marked with
 * `meta: { public: true }`) stays, so what observes it (the theme, the tab's title) keeps up.
 */
export function isPersonal(query: Query): boolean {
  return query.meta?.public !== true;
}
