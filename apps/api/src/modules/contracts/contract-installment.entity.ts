import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { MoneyColumn } from '../../common/columns';
import { Contract } from './contract.entity';

/** A row of a contract's payment schedule: pay this much by this date. */
@Entity('contract_installments')
@Index('contract_installments_contract_line_uq', ['contractId', 'lineNo'], { unique: true })
export class ContractInstallment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  @Column({ type: 'integer' })
  lineNo: number;

  @Column({ type: 'date' })
  dueDate: string;

  @MoneyColumn()
  amount: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;
}
