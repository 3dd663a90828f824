import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CONTRACT_KINDS, type ContractKind } from '@kabinet/shared';
import { MoneyColumn, TimestampColumn } from '../../common/columns';
import { Customer, type Requisite } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { ContractItem } from './contract-item.entity';

/** A tax of the whole document as 1C sent it (amounts as decimal strings). */
export interface ContractTax {
  name: string;
  rate: string | null;
  exempt: boolean;
  amount: string | null;
  included: boolean | null;
}

/** A contract (1C document «Заказ»): what the customer bought and the work it covers. */
@Entity('contracts')
/** Trigram index for search by number (migration SearchAndPaid). */
@Index('contracts_number_trgm_idx', { synchronize: false })
/**
 * The lists' default order (newest first): a page and the total without reading the wide rows
 * (object data, requisites) of every contract.
 */
@Index('contracts_list_date_idx', ['date', 'number', 'id'], { where: '"archived_at" IS NULL' })
@Check('contracts_kind_ck', `kind IN (${CONTRACT_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class Contract {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The document's id in 1C (`Ид`). */
  @Index('contracts_external_id_uq', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  externalId: string;

  @Index('contracts_number_idx')
  @Column({ type: 'varchar', length: 50 })
  number: string;

  @Column({ type: 'date' })
  date: string;

  @Index('contracts_customer_id_idx')
  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /** The responsible manager. */
  @Index('contracts_manager_id_idx')
  @Column({ type: 'uuid', nullable: true })
  managerId: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'manager_id' })
  manager?: StaffUser | null;

  @Column({ type: 'varchar', length: 20 })
  kind: ContractKind;

  /** The status text as 1C has it, e.g. «В работе». */
  @Column({ type: 'varchar', length: 100 })
  status: string;

  /** True once 1C says the work is finished or the contract is cancelled. */
  @Column({ type: 'boolean', default: false })
  closed: boolean;

  @MoneyColumn()
  total: string;

  /** Sum of the contract's payments that are not archived; kept by the importer. */
  @MoneyColumn({ default: 0 })
  paid: string;

  @Column({ type: 'varchar', length: 3, default: 'RUB' })
  currency: string;

  /** The document's own taxes from 1C (`Документ/Налоги`), when it gives them. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  taxes: ContractTax[];

  @Column({ type: 'date', nullable: true })
  plannedEndDate: string | null;

  /** Typed object data per kind (deceased and monument, renovation object, ...). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  object: Record<string, unknown>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  requisites: Requisite[];

  @OneToMany(() => ContractItem, (item) => item.contract)
  items?: ContractItem[];

  /** SHA-256 of the 1C record as last imported: the same record again is "unchanged". */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceHash: string | null;

  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  /**
   * When anything the customer sees last changed: the contract itself, its lines, schedule,
   * payments, stages, documents or notifications. Compared with the customer's last visit.
   */
  @TimestampColumn({ default: () => 'now()' })
  changedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
