import { OtpChallenge } from '../modules/auth/otp-challenge.entity';
import { Session } from '../modules/auth/session.entity';
import { ContractAssignee } from '../modules/contracts/contract-assignee.entity';
import { ContractItem } from '../modules/contracts/contract-item.entity';
import { Contract } from '../modules/contracts/contract.entity';
import { Customer } from '../modules/customers/customer.entity';
import { DevOutboxMessage } from '../modules/sms/dev-outbox-message.entity';
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
];
