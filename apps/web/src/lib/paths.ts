/** Every URL of the SPA, in one place. */
export const paths = {
  home: '/',
  login: '/login',
  /** The login page with where to come back after. */
  loginNext: (next: string) => `/login?next=${encodeURIComponent(next)}`,
  devOutbox: '/dev/outbox',
  contracts: '/contracts',
  contract: (id: string) => `/contracts/${encodeURIComponent(id)}`,
  contractPattern: '/contracts/:id',
  chats: '/chats',
  chat: (id: string) => `/chats/${encodeURIComponent(id)}`,
  chatPattern: '/chats/:id',
  exchange: '/exchange',
  /** The company profile (admins). */
  company: '/company',
  notifications: '/notifications',
  /** A staff member's own notifications (their chats' news). */
  staffNotifications: '/staff/notifications',
  profile: '/profile',
  customers: '/customers',
  changeRequests: '/change-requests',
  contacts: '/contacts',
  help: '/help',
} as const;
