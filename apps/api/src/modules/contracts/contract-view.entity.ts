import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { Customer } from '../customers/customer.entity';
import { Contract } from './contract.entity';

/** When a customer last opened a contract: what changed after that is marked as new. */
@Entity('contract_views')
export class ContractView {
  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @Index('contract_views_contract_id_idx')
  @PrimaryColumn({ type: 'uuid' })
  contractId: string;

  @TimestampColumn()
  seenAt: Date;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;
}
