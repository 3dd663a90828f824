// What happened, as typed facts: the one list of domain events. Producers append them in the
// transaction of the change (`appendEvents`, `EventBuffer`); consumers (`EventConsumer`) get them
// in order, narrowed by `type`. No Nest here: the slim import process appends events too.
import type { ChangeRequestStatus, ProfileField, ShareAccess } from '@kabinet/shared';

/** Who wrote the change: a request to the API, the 1C import, or a scheduled job. */
export const EVENT_SOURCES = ['api', 'import', 'job'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

/** What every event carries besides its facts. */
interface EventBase {
  source: EventSource;
  /** When it happened; the appending transaction's start (`now()`) when absent. */
  occurredAt?: Date;
}

/**
 * 1C created or changed a contract (its record's content differed from the stored one).
 * `added`: new to the customer (created, or back from the archive); `updated`: changed while
 * visible; `archived`: 1C marked it deleted.
 */
export interface ContractChanged extends EventBase {
  type: 'contract.changed';
  contractId: string;
  customerId: string;
  payload: {
    change: 'added' | 'updated' | 'archived';
    /** The contract's number and status as this change left them. */
    number: string;
    status: string;
    /** The status before, when this change changed it (`updated` only); else null. */
    previousStatus: string | null;
    /** The payment schedule (a date or an amount) changed (`updated` only). */
    scheduleChanged: boolean;
    /**
     * The same file created the customer too (`added` only): their first contracts are not news
     * to anyone — the company's first import must not tell every customer "contract added".
     * Absent in events from before it was recorded (read as false).
     */
    customerNew?: boolean;
  };
}

/**
 * 1C sent a payment for the first time, on a contract the customer already had (a contract's
 * history arriving with the contract itself is part of its `contract.changed` `added`) and that
 * is not archived.
 */
export interface PaymentRecorded extends EventBase {
  type: 'payment.recorded';
  contractId: string;
  customerId: string;
  payload: {
    /** The payment's 1C id and number. */
    paymentId: string;
    paymentNumber: string;
    /** The contract's number. */
    contractNumber: string;
    /** Decimal string, as 1C sent it. */
    amount: string;
    currency: string;
    /** YYYY-MM-DD. */
    date: string;
  };
}

/**
 * 1C attached a new document (a file) to a contract the customer already had (not one of the
 * documents a new contract arrives with).
 */
export interface DocumentAdded extends EventBase {
  type: 'document.added';
  contractId: string;
  customerId: string;
  payload: {
    /** The document's 1C id. */
    documentId: string;
    kind: string;
    title: string;
    number: string | null;
    date: string | null;
    fileName: string;
  };
}

/** Staff answered a customer's request to change a contact (phone or e-mail). */
export interface ChangeRequestResolved extends EventBase {
  type: 'change_request.resolved';
  contractId?: null;
  customerId: string;
  payload: {
    requestId: string;
    field: ProfileField;
    status: Extract<ChangeRequestStatus, 'done' | 'rejected'>;
    /** The answer the customer sees (required when rejected). */
    resolution: string | null;
  };
}

/** What every share event says: which share, who it lets in, with what access now. */
export interface ContractSharePayload {
  shareId: string;
  /** The customer account the contract is shared with (a chat participant to add or remove). */
  granteeCustomerId: string;
  access: ShareAccess;
}

/**
 * A contract's owner shared it with someone (or the 1C import moved a share to the 1C customer
 * who now has the person's phone): the grantee sees the contract — and, for the chat, takes
 * part in its chats (read-only unless `access` is `full`). `customerId` is the owner.
 */
export interface ContractShared extends EventBase {
  type: 'contract.shared';
  contractId: string;
  customerId: string;
  payload: ContractSharePayload;
}

/** The owner changed what a share allows (`read` ↔ `full`). `customerId` is the owner. */
export interface ContractShareChanged extends EventBase {
  type: 'contract.share_changed';
  contractId: string;
  customerId: string;
  payload: ContractSharePayload & { previousAccess: ShareAccess };
}

/**
 * A share ended (the owner or staff revoked it, or the import moved it to another account):
 * the grantee no longer sees the contract and leaves its chats. `customerId` is the owner;
 * `access` what the share allowed until then.
 */
export interface ContractShareRevoked extends EventBase {
  type: 'contract.share_revoked';
  contractId: string;
  customerId: string;
  payload: ContractSharePayload & { revokedBy: 'owner' | 'staff' | 'import' };
}

/** Who did something in a chat (a customer account or a staff member). */
export interface EventActor {
  kind: 'customer' | 'staff';
  id: string;
}

/**
 * A message was stored in a chat (by a person, or a `system` line such as "X was added").
 * `contractId`/`customerId` are the chat's.
 */
export interface ChatMessagePosted extends EventBase {
  type: 'chat.message_posted';
  contractId: string | null;
  customerId: string;
  payload: {
    chatId: string;
    /** The message id (bigint as a decimal string). */
    messageId: string;
    kind: 'text' | 'system';
    /** Null for a system line. */
    author: EventActor | null;
    /** The first characters of the text (notifications quote it). */
    preview: string;
    attachments: number;
  };
}

/**
 * Who takes part in a chat changed (it was opened, someone was added or removed): sockets join
 * or leave its room, lists refresh.
 */
export interface ChatParticipantsChanged extends EventBase {
  type: 'chat.participants_changed';
  contractId: string | null;
  customerId: string;
  payload: {
    chatId: string;
    added: EventActor[];
    removed: EventActor[];
  };
}

/**
 * An approval moved: staff asked for it, the customer approved or rejected, staff revoked a
 * decision. `by` is who did it; the other side is told.
 */
export interface ChatApprovalChanged extends EventBase {
  type: 'chat.approval_changed';
  contractId: string | null;
  customerId: string;
  payload: {
    chatId: string;
    messageId: string;
    approvalId: string;
    action: 'requested' | 'approved' | 'rejected' | 'revoked';
    by: EventActor;
    reason: string | null;
    /** YYYY-MM-DD, when asked with one. */
    deadline: string | null;
  };
}

/**
 * Someone pinned a numbered comment to a picture in a chat: the message (its attachment's pins)
 * changed, the other side sees it.
 */
export interface ChatPinAdded extends EventBase {
  type: 'chat.pin_added';
  contractId: string | null;
  customerId: string;
  payload: {
    chatId: string;
    /** The message the picture was sent with. */
    messageId: string;
    attachmentId: string;
    pinId: string;
    number: number;
    by: EventActor;
  };
}

/** Every event there is. A new one is a new member here (and its consumers' `switch` cases). */
export type DomainEvent =
  | ContractChanged
  | PaymentRecorded
  | DocumentAdded
  | ChangeRequestResolved
  | ContractShared
  | ContractShareChanged
  | ContractShareRevoked
  | ChatMessagePosted
  | ChatParticipantsChanged
  | ChatApprovalChanged
  | ChatPinAdded;

export type DomainEventType = DomainEvent['type'];

/** An event as the table holds it and consumers get it: with its place in the order. */
export type StoredEvent = DomainEvent & {
  /** Its position in the one order of events (bigint as a decimal string). */
  id: string;
  occurredAt: Date;
};
