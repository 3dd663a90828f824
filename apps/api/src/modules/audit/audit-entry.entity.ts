import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/**
 * Who did what to whom, when: an append-only log of sensitive staff actions (opening a customer's
 * cabinet as them, resolving their requests), of who may see a contract (its shares with family
 * members, by its owner, staff or the 1C import) and of attacks on staff logins. Ids are kept even
 * when the people are deleted. Written only through `AuditService.record` (`recordAudit` in the
 * import process), in the transaction of the change it records.
 */
@Entity('audit_log')
@Index('audit_log_at_idx', ['at'])
@Index('audit_log_subject_idx', ['subjectType', 'subjectId', 'at'])
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @TimestampColumn({ default: () => 'now()' })
  at: Date;

  /**
   * The staff member (or, for a contract's shares, the customer) who acted; null when no one
   * signed in did (failed logins of an attacker, the 1C import).
   */
  @Index('audit_log_actor_idx')
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /**
   * e.g. `customer.viewAs.start`, `customer.viewAs.end`, `changeRequest.resolve`,
   * `staff.login.locked` (an address was locked out of a login), `staff.login.slowed` (failures
   * from many addresses slow every new address down).
   */
  @Column({ type: 'varchar', length: 60 })
  action: string;

  @Column({ type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
