/** The react-query keys of who is logged in (`/api/me`). */
export const meKeys = {
  all: ['me'] as const,
  me: () => [...meKeys.all] as const,
};
