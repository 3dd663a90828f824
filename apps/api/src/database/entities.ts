import { ChatApproval, ChatApprovalStep, ChatPin } from '../modules/chats/chat-approval.entity';
import { ChatAttachment } from '../modules/chats/chat-attachment.entity';
import { ChatMessage } from '../modules/chats/chat-message.entity';
import { ChatParticipant } from '../modules/chats/chat-participant.entity';
import { Chat } from '../modules/chats/chat.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { OtpChallenge } from '../modules/auth/otp-challenge.entity';
import { CompanyProfile } from '../modules/company/company-profile.entity';
import { Session } from '../modules/auth/session.entity';
import { ContractDocument } from '../modules/contracts/contract-document.entity';
import { ContractAssignee } from '../modules/contracts/contract-assignee.entity';
import { ContractInstallment } from '../modules/contracts/contract-installment.entity';
import { ContractItem } from '../modules/contracts/contract-item.entity';
import { ContractPayment } from '../modules/contracts/contract-payment.entity';
import { ContractView } from '../modules/contracts/contract-view.entity';
import { ContractStage } from '../modules/contracts/contract-stage.entity';
import { Contract } from '../modules/contracts/contract.entity';
import { Customer } from '../modules/customers/customer.entity';
import { DomainEventRecord } from '../modules/events/domain-event.entity';
import { EventCursor } from '../modules/events/event-cursor.entity';
import { ExchangeFile } from '../modules/exchange/exchange-file.entity';
import { ExchangeRun } from '../modules/exchange/exchange-run.entity';
import { ExchangeState } from '../modules/exchange/exchange-state.entity';
import { ExportChangeRow } from '../modules/exchange/export-change.entity';
import { ExportFile } from '../modules/exchange/export-file.entity';
import { StoredFile } from '../modules/files/stored-file.entity';
import { NotificationDelivery } from '../modules/notifications/notification-delivery.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { StaffNotice } from '../modules/notifications/staff-notice.entity';
import { PaymentNotice } from '../modules/notifications/payment-notice.entity';
import { ProfileChangeRequest } from '../modules/change-requests/change-request.entity';
import { SocketIoAttachment } from '../modules/realtime/socket-io-attachment.entity';
import { DevOutboxMessage } from '../modules/dev/dev-outbox-message.entity';
import { ContractShare } from '../modules/shares/contract-share.entity';
import { StaffLoginThrottle } from '../modules/staff/staff-login-throttle.entity';
import { StaffUser } from '../modules/staff/staff-user.entity';

/** Every entity; the data source, the tests and the migration drift check share this list. */
export const ENTITIES = [
  Customer,
  StaffUser,
  Session,
  OtpChallenge,
  DevOutboxMessage,
  Contract,
  ContractItem,
  ContractAssignee,
  ContractPayment,
  ContractInstallment,
  ContractStage,
  ExchangeRun,
  ExchangeState,
  ExchangeFile,
  ExportFile,
  ExportChangeRow,
  ContractView,
  Notification,
  NotificationDelivery,
  ProfileChangeRequest,
  AuditEntry,
  StoredFile,
  ContractDocument,
  StaffLoginThrottle,
  StaffNotice,
  PaymentNotice,
  CompanyProfile,
  DomainEventRecord,
  EventCursor,
  Chat,
  ChatParticipant,
  ChatMessage,
  ChatAttachment,
  ChatApproval,
  ChatApprovalStep,
  ChatPin,
  SocketIoAttachment,
  ContractShare,
];
