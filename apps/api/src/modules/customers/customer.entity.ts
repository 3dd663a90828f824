import type { NotificationSettings } from '@kabinet/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { MoneyColumn, TimestampColumn } from '../../common/columns';

/** A raw requisite from 1C (`ЗначениеРеквизита`): kept so new ones need no code change. */
export interface Requisite {
  name: string;
  value: string;
}

/** A bank account of a customer that is a company (`РасчетныеСчета/РасчетныйСчет`). */
export interface BankAccount {
  account: string;
  bankName: string | null;
  bik: string | null;
  correspondentAccount: string | null;
}

/**
 * A customer (1C counterparty), created by the 1C exchange; nobody self-registers. The one
 * exception: a person a contract is shared with whose phone is no 1C customer's gets an account
 * of their own (`externalId` null: not from 1C, so the importer never updates or archives it),
 * live while they hold an active share (modules/shares).
 */
@Entity('customers')
/** Trigram indexes for search by name and phone (migration SearchAndPaid). */
@Index('customers_full_name_trgm_idx', { synchronize: false })
@Index('customers_phone_trgm_idx', { synchronize: false })
@Index('customers_phone_active_uq', ['phone'], { unique: true, where: 'archived_at IS NULL' })
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The counterparty's id in 1C (`Ид`); null for an account made for a share (not from 1C). */
  @Index('customers_external_id_uq', { unique: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalId: string | null;

  @Column({ type: 'varchar', length: 300 })
  fullName: string;

  /** Login phone in E.164, normalised from `phoneRaw`. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  /** The phone exactly as 1C sent it. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  phoneRaw: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  email: string | null;

  @MoneyColumn({ default: 0 })
  bonusBalance: string;

  /** A company's (or sole trader's) requisites from 1C: ИНН (10 or 12 digits, as 1C sent it). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  inn: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  kpp: string | null;

  /** `ОфициальноеНаименование`: the name in the founding documents. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  officialName: string | null;

  /** `ЮридическийАдрес` / `АдресРегистрации`. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  legalAddress: string | null;

  /** `Адрес`: the actual, postal address. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  postalAddress: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  bankAccounts: BankAccount[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  requisites: Requisite[];

  /** Per notification kind and channel, what the customer chose; defaults fill the gaps. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  notificationSettings: Partial<NotificationSettings>;

  /** SHA-256 of the 1C record as last imported: the same record again is "unchanged". */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceHash: string | null;

  /**
   * The customer's first login to the cabinet: contracts they have never opened count as changed
   * only when they changed after it (what was there at the first visit is not "new").
   */
  @TimestampColumn({ nullable: true })
  firstLoginAt: Date | null;

  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
