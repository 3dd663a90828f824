import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';

/**
 * One request for a login code. A row is written for every request, known phone or not, so the
 * limits (and the answers) are the same for both and nobody can learn which phones exist.
 */
@Entity('otp_challenges')
@Index('otp_challenges_phone_created_idx', ['phone', 'createdAt'])
export class OtpChallenge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  /** Null when the phone belongs to no customer: no code was sent, none can match. */
  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  /** HMAC-SHA256(APP_SECRET, id:code), hex; null when no code was sent. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  codeHash: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  expiresAt: Date;

  /** Set when used, replaced by a newer code, or burnt by too many wrong tries. */
  @TimestampColumn({ nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
