import { lazy } from 'react';

// Chats: the list, a chat's page, the home and contract blocks, and the cache updaters the
// realtime wiring calls (apps/web/src/lib/socket.ts).
export { chatKeys } from './keys';
export { useChatUnread } from './api/chats';
export { applyChatChanged, applyMessage, applyRead, applyUnread } from './cache';
export { useChatsLive } from './realtime';
export { HomeChats } from './components/HomeChats';
export { ContractChats } from './components/ContractChats';

/** Route pages load on demand. */
export const ChatsPage = lazy(() =>
  import('./routes/ChatsPage').then((m) => ({ default: m.ChatsPage })),
);
export const ChatPage = lazy(() =>
  import('./routes/ChatPage').then((m) => ({ default: m.ChatPage })),
);
