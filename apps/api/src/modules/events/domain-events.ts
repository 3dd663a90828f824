// What happened, as typed facts: the one list of domain events. Producers append them in the
// transaction of the change (`appendEvents`, `EventBuffer`); consumers (`EventConsumer`) get them
// in order, narrowed by `type`. No Nest here: the slim import process appends events too.
import type { ChangeRequestStatus, ProfileField } from '@kabinet/shared';

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

/** Every event there is. A new one is a new member here (and its consumers' `switch` cases). */
export type DomainEvent = ContractChanged | PaymentRecorded | DocumentAdded | ChangeRequestResolved;

export type DomainEventType = DomainEvent['type'];

/** An event as the table holds it and consumers get it: with its place in the order. */
export type StoredEvent = DomainEvent & {
  /** Its position in the one order of events (bigint as a decimal string). */
  id: string;
  occurredAt: Date;
};
