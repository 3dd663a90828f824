import { todayIso } from '../../lib/format';
import type { Chat, ChatActor } from './api/chats';
import type { ChatMessage } from './api/messages';

/** Who looks at a message, and what the chat lets them do (the chat page knows it). */
export interface Viewer {
  chat: Pick<Chat, 'can'>;
  me: Pick<ChatActor, 'kind'>;
  /** Staff viewing the customer's cabinet: they change nothing. */
  viewAs: boolean;
}

/**
 * What a viewer may do with a message's approval — the API's rules, so the page offers only
 * what the API would accept: the customer who may write decides while it waits (pending or
 * revoked) on the newest version; staff who manage the chat revoke a decision of the newest
 * version; staff ask for approval of a message without one, and send a new version of a picture
 * no newer version replaces. Nothing for a message still sending, nor from view-as.
 */
export function approvalRules(m: ChatMessage, viewer: Viewer | null, today = todayIso()) {
  const a = m.approval;
  const waiting = a !== null && (a.state === 'pending' || a.state === 'revoked');
  const newest = !a?.replacedById;
  const acts = viewer !== null && !viewer.viewAs && !m.local && m.kind === 'text';
  const staffManages = acts && viewer.me.kind === 'staff' && viewer.chat.can.manage;
  return {
    waiting,
    overdue: waiting && a !== null && a.deadline !== null && a.deadline < today,
    decide: acts && viewer.me.kind === 'customer' && viewer.chat.can.write && waiting && newest,
    revoke: staffManages && a !== null && !waiting && newest,
    request: staffManages && a === null,
    newVersion: staffManages && newest && m.attachments.some((x) => x.kind === 'image'),
  };
}
