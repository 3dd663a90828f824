import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MoneyColumn, TimestampColumn } from '../../common/columns';
import { Contract } from './contract.entity';

/** A payment received for a contract (a 1C payment document). */
@Entity('contract_payments')
export class ContractPayment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The payment document's id in 1C (`Ид`). */
  @Index('contract_payments_external_id_uq', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  externalId: string;

  @Index('contract_payments_contract_id_idx')
  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  /** The document number in 1C, e.g. «ПКО-000123». */
  @Column({ type: 'varchar', length: 50 })
  number: string;

  @Column({ type: 'date' })
  date: string;

  @MoneyColumn()
  amount: string;

  @Column({ type: 'varchar', length: 3, default: 'RUB' })
  currency: string;

  /** How it was paid, as 1C says it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  method: string | null;

  /** SHA-256 of the record as last imported: the same record again is "unchanged". */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceHash: string | null;

  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
