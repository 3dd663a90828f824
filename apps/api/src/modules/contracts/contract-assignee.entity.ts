import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StaffUser } from '../staff/staff-user.entity';
import { Contract } from './contract.entity';

/** A specialist (foreman, estimator, measurer) working on a contract; gives them access to it. */
@Entity('contract_assignees')
export class ContractAssignee {
  @PrimaryColumn({ type: 'uuid' })
  contractId: string;

  @Index('contract_assignees_staff_user_id_idx')
  @PrimaryColumn({ type: 'uuid' })
  staffUserId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_user_id' })
  staffUser?: StaffUser;
}
