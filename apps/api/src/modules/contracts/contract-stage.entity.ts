import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Contract } from './contract.entity';

/** A planned stage of work (renovation), drawn as a Gantt chart. */
@Entity('contract_stages')
@Index('contract_stages_contract_external_uq', ['contractId', 'externalId'], { unique: true })
@Check('contract_stages_dates_ck', 'end_date >= start_date')
export class ContractStage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  /** The stage's id in 1C, unique within the contract. */
  @Column({ type: 'varchar', length: 100 })
  externalId: string;

  @Column({ type: 'integer' })
  lineNo: number;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'date' })
  startDate: string;

  @Column({ type: 'date' })
  endDate: string;

  /** The stage that must finish first (its `externalId`). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  previousExternalId: string | null;
}
