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

  /** For display: 1C's line breaks and indentation collapsed. */
  @Column({ type: 'varchar', length: 500 })
  name: string;

  /** The name exactly as 1C sent it, when it differs from `name`. */
  @Column({ type: 'text', nullable: true })
  nameRaw: string | null;

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

  /** The line's tax as 1C names it («НДС»); null when 1C gives none. */
  @Column({ type: 'varchar', length: 50, nullable: true })
  taxName: string | null;

  /** Its rate in percent (20.00); null when exempt or not given. */
  @Column({ type: 'numeric', precision: 5, scale: 2, nullable: true })
  taxRate: string | null;

  /** «Без НДС»: 1C says the line is not taxed. */
  @Column({ type: 'boolean', default: false })
  taxExempt: boolean;

  @MoneyColumn({ nullable: true })
  taxAmount: string | null;

  /** `УчтеноВСумме`: included in `amount` (true) or on top of it (false). */
  @Column({ type: 'boolean', nullable: true })
  taxIncluded: boolean | null;
}
