import type { ContractKind, ItemKind, StaffRole } from '@kabinet/shared';
import type { Requisite } from '../customers/customer.entity';

/**
 * Records as the 1C exchange brings them (mapped from CommerceML): everything is keyed by the
 * 1C id (`externalId`), money is a decimal string, dates are `YYYY-MM-DD`.
 */
export interface CustomerRecord {
  externalId: string;
  fullName: string;
  /** The phone exactly as in 1C; normalised to E.164 on import. */
  phoneRaw: string | null;
  email: string | null;
  bonusBalance: string;
  requisites: Requisite[];
}

export interface StaffRecord {
  externalId: string;
  login: string;
  fullName: string;
  role: StaffRole;
  phone: string | null;
  email: string | null;
}

export interface ContractItemRecord {
  externalId: string | null;
  name: string;
  kind: ItemKind;
  quantity: string;
  unit: string;
  price: string;
  amount: string;
}

export interface ContractRecord {
  externalId: string;
  number: string;
  date: string;
  customerExternalId: string;
  managerExternalId: string | null;
  /** Specialists working on the contract (foreman, estimator, measurer). */
  assigneeExternalIds: string[];
  kind: ContractKind;
  status: string;
  closed: boolean;
  total: string;
  currency: string;
  plannedEndDate: string | null;
  object: Record<string, unknown>;
  requisites: Requisite[];
  items: ContractItemRecord[];
}

export interface ExchangeBatch {
  staff: StaffRecord[];
  customers: CustomerRecord[];
  contracts: ContractRecord[];
}
