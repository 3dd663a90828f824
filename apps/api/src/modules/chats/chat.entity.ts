import {
  Check,
  Column,
  Entity,
  Generated,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { Contract } from '../contracts/contract.entity';
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';

/**
 * A conversation between a customer and the company: one per contract, made with the contract,
 * and more that staff open (about a contract, or general with a customer).
 */
@Entity('chats')
/** The list's order: latest activity first. */
@Index('chats_activity_idx', ['lastActivityAt', 'id'])
/** A contract has one chat of its own. */
@Index('chats_contract_own_uq', ['contractId'], { unique: true, where: `"kind" = 'contract'` })
@Check('chats_kind_ck', `kind IN ('contract', 'general')`)
export class Chat {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** What people call it: `Ч-000123` (`formatChatNumber`). */
  @Index('chats_number_uq', { unique: true })
  @Column({ type: 'integer' })
  @Generated('increment')
  number: number;

  /** `contract`: the contract's own chat (one per contract); `general`: opened by staff. */
  @Column({ type: 'varchar', length: 10 })
  kind: 'contract' | 'general';

  /** The contract the chat is about, if any. */
  @Index('chats_contract_id_idx')
  @Column({ type: 'uuid', nullable: true })
  contractId: string | null;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract | null;

  /** The customer the company talks to here. */
  @Index('chats_customer_id_idx')
  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /** A subject staff gave it; a contract chat is named by its contract. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  /** The staff member who opened it (null for a contract's own chat). */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: StaffUser | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;

  /** The last message's time (the creation time before any). */
  @TimestampColumn({ default: () => 'now()' })
  lastActivityAt: Date;

  /** The last message (the list's preview and "waiting for our answer"). */
  @Column({ type: 'bigint', nullable: true })
  lastMessageId: string | null;
}
