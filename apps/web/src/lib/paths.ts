/** Every URL of the SPA, in one place. */
export const paths = {
  home: '/',
  login: '/login',
  devOutbox: '/dev/outbox',
  contracts: '/contracts',
  contract: (id: string) => `/contracts/${id}`,
} as const;
