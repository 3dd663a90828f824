import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../common/columns';
import { StoredFile } from '../files/stored-file.entity';
import { Contract } from './contract.entity';

/** A document of a contract the customer can open: the contract itself, acts, invoices… (1C). */
@Entity('contract_documents')
@Index('contract_documents_contract_external_uq', ['contractId', 'externalId'], { unique: true })
export class ContractDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  contractId: string;

  @ManyToOne(() => Contract, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Contract;

  /** The document's id in 1C, unique within its contract. */
  @Column({ type: 'varchar', length: 100 })
  externalId: string;

  /** What kind of document, as 1C names it: «Договор», «Акт выполненных работ», «Счёт»… */
  @Column({ type: 'varchar', length: 200 })
  kind: string;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  number: string | null;

  @Column({ type: 'date', nullable: true })
  date: string | null;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id' })
  file?: StoredFile;

  /** The name to download it under. */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @TimestampColumn({ nullable: true })
  archivedAt: Date | null;

  @TimestampColumn({ default: () => 'now()' })
  createdAt: Date;

  @TimestampColumn({ default: () => 'now()' })
  updatedAt: Date;
}
