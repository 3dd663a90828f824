import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { SHARE_ACCESS, type ShareAccess } from '@kabinet/shared';
import { TimestampColumn } from '../../common/columns';
import { Contract } from '../contracts/contract.entity';
import { Customer } from '../customers/customer.entity';

/** Who ended a share. */
export const SHARE_REVOKERS = ['owner', 'staff', 'import'] as const;
export type ShareRevoker = (typeof SHARE_REVOKERS)[number];

/**
 * A contract shared by its owner with another customer account (a family member), read-only or
 * in full. It counts only while it is not revoked and its owner still owns the contract in 1C
 * (`owner_customer_id = contracts.customer_id`): 1C moving the contract to someone else ends the
 * shares the previous owner made. Revoking keeps the row (the audit log tells the story).
 */
@Entity('contract_shares')
@Index('contract_shares_active_uq', ['contractId', 'granteeCustomerId'], {
  unique: true,
  where: '"revoked_at" IS NULL',
})
@Index('contract_shares_grantee_idx', ['granteeCustomerId'], { where: '"revoked_at" IS NULL' })
@Check('contract_shares_access_ck', `access IN (${SHARE_ACCESS.map((a) => `'${a}'`).join(', ')})`)
@Check('contract_shares_not_self_ck', `owner_customer_id <> grantee_customer_id`)
export class ContractShare {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('contract_shares_contract_id_idx')
  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  /** Who shared it: the contract's customer (1C's owner) when they did. */
  @Column({ type: 'uuid' })
  ownerCustomerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_customer_id' })
  owner?: Customer;

  /** Who may see it: a 1C customer, or an account made for the share (no 1C id). */
  @Column({ type: 'uuid' })
  granteeCustomerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'grantee_customer_id' })
  grantee?: Customer;

  /** The phone it was shared with (E.164), as the owner typed it, normalised. */
  @Column({ type: 'varchar', length: 20 })
  phone: string;

  /** What the owner calls the person («Сын»); only the owner and staff see it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Column({ type: 'varchar', length: 10 })
  access: ShareAccess;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @TimestampColumn({ nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  revokedBy: ShareRevoker | null;
}
