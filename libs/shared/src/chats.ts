// What the API and the SPA agree on about chats: numbers, limits, the shapes a socket carries and
// the typed socket events (`ServerEvents`, `ClientEvents`). The HTTP shapes come from the OpenAPI
// spec; the socket payloads are these interfaces, which the API's DTOs implement.

import type { ErrorCode, FieldError } from './errors';

/** A chat's number as people say it: `Ч-000123`. */
export function formatChatNumber(n: number): string {
  return `Ч-${String(n).padStart(6, '0')}`;
}

/** Reads `Ч-000123`, `ч123`, `Ч 123` or `123` as a chat number; null when it is none. */
export function parseChatNumber(text: string): number | null {
  const m = /^\s*(?:[ЧчCc]\s*-?\s*)?0*(\d{1,9})\s*$/.exec(text);
  return m ? Number(m[1]) : null;
}

export const CHAT_LIMITS = {
  /** The longest message text, in characters (the API refuses longer; the form counts). */
  messageLength: 10_000,
  /** Files on one message. */
  filesPerMessage: 10,
  /** The largest file, in bytes. */
  fileBytes: 25 * 1024 * 1024,
  /** All files of one message together, in bytes. */
  messageBytes: 100 * 1024 * 1024,
  /** A reason for rejecting or revoking an approval, a pinned comment. */
  reasonLength: 1000,
  /** Messages per page when reading a chat's history. */
  page: 50,
} as const;

/** Who wrote or did something in a chat. */
export interface ChatActor {
  kind: 'customer' | 'staff';
  id: string;
  name: string;
  /** The staff member's role (`manager`, `foreman`, ...), or `customer`. */
  role: string;
}

export type AttachmentKind = 'image' | 'file';

/**
 * A numbered comment pinned to a point of a picture (any image sent in the chat): the customer
 * and staff who may write in the chat add them; numbers go 1, 2, 3 per picture.
 */
export interface ChatPinView {
  id: string;
  /** 1, 2, 3 ... per picture, in the order they were added. */
  number: number;
  /** The point as parts of the picture's width and height from its top left corner (0..1). */
  x: number;
  y: number;
  body: string;
  author: ChatActor;
  createdAt: string;
}

export interface ChatAttachmentView {
  id: string;
  name: string;
  size: number;
  mime: string;
  kind: AttachmentKind;
  /** Pixels, for images. */
  width: number | null;
  height: number | null;
  /** The comments pinned to the picture, by number (always empty for other files). */
  pins: ChatPinView[];
}

export const APPROVAL_STATES = ['pending', 'approved', 'rejected', 'revoked'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPROVAL_ACTIONS = ['requested', 'approved', 'rejected', 'revoked'] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export interface ApprovalStepView {
  action: ApprovalAction;
  by: ChatActor;
  at: string;
  reason: string | null;
}

/**
 * A message staff asked the customer to approve. `pending`: waiting for the customer;
 * `approved`/`rejected`: the customer decided (a rejection says why); `revoked`: staff withdrew
 * the customer's decision (with a reason) and the customer decides again, as when pending.
 */
export interface ChatApprovalView {
  id: string;
  state: ApprovalState;
  /** YYYY-MM-DD, or null. */
  deadline: string | null;
  /** The attachment (picture version) the approval is about, if the message has one. */
  attachmentId: string | null;
  /**
   * Which version of the picture the message is: 1 for an original, 2 for a message that
   * replaces it (`replacesMessageId`), and so on.
   */
  version: number;
  /**
   * The newest message that is a newer version of this one, if any: then this approval can no
   * longer be decided (the customer decides on the newer version).
   */
  replacedById: string | null;
  /** Oldest first: requested, then decisions and revocations. */
  steps: ApprovalStepView[];
}

export interface ChatMessageView {
  /** Increasing in the order messages were stored (a decimal string of a bigint). */
  id: string;
  chatId: string;
  /** The id the sender's client made up, so a resend is not a duplicate. */
  clientId: string | null;
  /** `text` from a person, `system` from Kabinet (someone was added, ...). */
  kind: 'text' | 'system';
  author: ChatActor | null;
  body: string;
  /** For a `system` line: what happened (`event`, names), for the reader's language. */
  system: Record<string, unknown> | null;
  createdAt: string;
  attachments: ChatAttachmentView[];
  /** The message whose picture this one replaces (a new version), if any. */
  replacesMessageId: string | null;
  approval: ChatApprovalView | null;
}

/** Who has read up to which message. */
export interface ChatReadMark {
  chatId: string;
  reader: ChatActor;
  /** The last message id read. */
  lastReadId: string;
  at: string;
}

/** Events the server sends. Rooms: `user:<kind>:<id>` (every socket of a person), `chat:<id>`. */
export interface ServerEvents {
  /** A new message in a chat the socket has joined. */
  'chat:message': (message: ChatMessageView) => void;
  /** A message changed: its approval moved, a pin was added. */
  'chat:message-updated': (message: ChatMessageView) => void;
  /** Someone read up to a message. */
  'chat:read': (mark: ChatReadMark) => void;
  /**
   * This person's unread count in one chat and in total changed — sent to each participant for
   * every new message in the chat (their lists show it) and to the reader's tabs on reading.
   */
  'chat:unread': (unread: { chatId: string; unread: number; total: number }) => void;
  /** A chat appeared in, or changed in, this person's list (new chat, participants changed). */
  'chat:changed': (change: { chatId: string }) => void;
  /** This person no longer takes part in the chat (its room was left). */
  'chat:removed': (change: { chatId: string }) => void;
  /** A notification for this person (the notification centre). */
  'notification:new': (notification: { id: string; kind: string; title: string }) => void;
}

/**
 * Why a socket event failed, like the HTTP API's problem: `code` and `status` are those HTTP
 * would answer (`read_only` 403, `not_found` 404, ...); `errors` the field messages of a
 * `validation_failed`; `requestId` names the log line of an `internal` error. The SPA adds
 * `timeout` (no answer in time; `status` 0) when the server never acked.
 */
export interface AckError {
  code: ErrorCode | 'timeout';
  message: string;
  status: number;
  errors?: FieldError[];
  requestId?: string;
}

/** What an event's ack answers: the result, or a problem like the HTTP API's. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

export interface SendMessageInput {
  chatId: string;
  /** A UUID the client made up for this message: sending it again answers the stored one. */
  clientId: string;
  body: string;
  /** Attachments uploaded to this chat and not yet sent. */
  attachmentIds?: string[];
  requiresApproval?: boolean;
  /** YYYY-MM-DD. */
  approvalDeadline?: string | null;
  replacesMessageId?: string | null;
}

/** Events the client sends; each answers through its ack. */
export interface ClientEvents {
  /** Start receiving a chat's events (the person must take part in it or be allowed to see it). */
  'chat:join': (input: { chatId: string }, ack: (result: Ack<{ chatId: string }>) => void) => void;
  'chat:leave': (input: { chatId: string }, ack: (result: Ack<{ chatId: string }>) => void) => void;
  'chat:send': (input: SendMessageInput, ack: (result: Ack<ChatMessageView>) => void) => void;
  /** Everything after `afterId` (for a reconnect), oldest first. */
  'chat:since': (
    input: { chatId: string; afterId: string },
    ack: (result: Ack<{ messages: ChatMessageView[]; more: boolean }>) => void,
  ) => void;
  'chat:read': (
    input: { chatId: string; lastReadId: string },
    ack: (result: Ack<{ unread: number; total: number }>) => void,
  ) => void;
}

/** The input of a client event. */
export type ClientEventInput<E extends keyof ClientEvents> = Parameters<ClientEvents[E]>[0];

/** What a client event's ack carries when it succeeds. */
export type ClientEventResult<E extends keyof ClientEvents> =
  Parameters<Parameters<ClientEvents[E]>[1]>[0] extends Ack<infer T> ? T : never;

/** The payload of a server event. */
export type ServerEventPayload<E extends keyof ServerEvents> = Parameters<ServerEvents[E]>[0];

/**
 * The socket.io path (same origin and port as the API). Only the WebSocket transport is served:
 * long-polling would need sticky sessions across replicas.
 */
export const SOCKET_PATH = '/api/socket.io';

/** The `data` of a refused connection's `connect_error` (the message is the same text). */
export type ConnectRefusal = AckError;
