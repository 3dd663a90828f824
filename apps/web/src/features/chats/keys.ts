import type { ChatFilter } from './api/chats';

/** Every react-query key of the chats feature; the cache updaters (cache.ts) find queries by them. */
export const chatKeys = {
  all: ['chats'] as const,
  lists: () => [...chatKeys.all, 'list'] as const,
  list: (q: { q: string; filter: ChatFilter | undefined; page: number; pageSize: number }) =>
    [...chatKeys.lists(), q] as const,
  unread: () => [...chatKeys.all, 'unread'] as const,
  detail: (id: string) => [...chatKeys.all, 'detail', id] as const,
  /** The one infinite query of a chat's messages (newest page first). */
  messages: (id: string) => [...chatKeys.all, 'messages', id] as const,
  materials: (id: string, kind: string, page: number) =>
    [...chatKeys.all, 'materials', id, kind, page] as const,
  candidates: (id: string, q: string) => [...chatKeys.all, 'candidates', id, q] as const,
  /** Every contract's list of approvals (`[...approvals(), contractId, page]`). */
  approvals: () => [...chatKeys.all, 'approvals'] as const,
  contract: (contractId: string) => [...chatKeys.all, 'contract', contractId] as const,
};
