import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ITEM_KINDS, type ItemKind } from '@kabinet/shared';
import { MoneyColumn } from '../../common/columns';
import { Contract } from './contract.entity';

/** A line of goods or services in a contract (1C `Товар`). */
@Entity('contract_items')
@Index('contract_items_contract_line_uq', ['contractId', 'lineNo'], { unique: true })
@Check('contract_items_kind_ck', `kind IN (${ITEM_KINDS.map((k) => `'${k}'`).join(', ')})`)
export class ContractItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, (c) => c.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  @Column({ type: 'integer' })
  lineNo: number;

  /** The nomenclature id in 1C. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 500 })
  name: string;

  @Column({ type: 'varchar', length: 10 })
  kind: ItemKind;

  @Column({ type: 'numeric', precision: 14, scale: 3 })
  quantity: string;

  @Column({ type: 'varchar', length: 30 })
  unit: string;

  @MoneyColumn()
  price: string;

  @MoneyColumn()
  amount: string;
}
