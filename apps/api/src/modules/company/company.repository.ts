import { Inject, Injectable } from '@nestjs/common';
import type { CompanyConfig } from '../../config/config';
import { Repository } from '../../database/repository';
import { DB, sql, type Db } from '../../database/sql';

/** The stored profile (`company_profile`, the one row with id 1). */
export interface CompanyProfileRow {
  name: string | null;
  description: string | null;
  logo_file_id: string | null;
  color: string | null;
  phones: string[];
  email: string | null;
  address: string | null;
  hours: string | null;
}

/** The profile's text fields as an admin saves them. */
export interface CompanyProfileValues {
  name: string | null;
  description: string | null;
  color: string | null;
  phones: string[];
  email: string | null;
  address: string | null;
  hours: string | null;
}

export interface CompanyLogoRow {
  content: Buffer;
  mime: string;
  sha256: string;
}

export interface DocumentHeadRow {
  name: string | null;
  phones: string[];
  email: string | null;
  address: string | null;
  content: Buffer | null;
  mime: string | null;
}

/** The company profile and its logo's bytes. */
@Injectable()
export class CompanyRepository extends Repository {
  constructor(@Inject(DB) db: Db) {
    super(db);
  }

  async find(): Promise<CompanyProfileRow | undefined> {
    const rows = await this.db.query<CompanyProfileRow>(
      sql`SELECT name, description, logo_file_id, color, phones, email, address, hours
            FROM company_profile WHERE id = 1`,
    );
    return rows[0];
  }

  /** Stores the first profile, unless one is stored (two replicas starting at once: one wins). */
  async insertIfNone(c: CompanyConfig): Promise<void> {
    await this.db.query(
      sql`INSERT INTO company_profile (id, name, description, phones, email, address, hours)
          VALUES (1, ${c.name}, ${c.description}, ${c.phones}, ${c.email}, ${c.address},
                  ${c.hours})
          ON CONFLICT (id) DO NOTHING`,
    );
  }

  async update(v: CompanyProfileValues, at: Date, byId: string): Promise<void> {
    await this.db.query(
      sql`UPDATE company_profile
             SET name = ${v.name}, description = ${v.description}, color = ${v.color},
                 phones = ${v.phones}, email = ${v.email}, address = ${v.address},
                 hours = ${v.hours}, updated_at = ${at}, updated_by_id = ${byId}
           WHERE id = 1`,
    );
  }

  /** Points the profile at a stored logo (null: none). */
  async setLogo(fileId: string | null, at: Date, byId: string): Promise<void> {
    await this.db.query(
      sql`UPDATE company_profile SET logo_file_id = ${fileId}, updated_at = ${at},
                                     updated_by_id = ${byId}
           WHERE id = 1`,
    );
  }

  /** The logo's bytes, only while `fileId` is the current logo. */
  async logo(fileId: string): Promise<CompanyLogoRow | undefined> {
    const rows = await this.db.query<CompanyLogoRow>(
      sql`SELECT f.content, f.mime, f.sha256 FROM company_profile p
            JOIN stored_files f ON f.id = p.logo_file_id
           WHERE p.id = 1 AND f.id = ${fileId}`,
    );
    return rows[0];
  }

  /** The letterhead with the logo's bytes, one statement. */
  async documentHead(): Promise<DocumentHeadRow | undefined> {
    const rows = await this.db.query<DocumentHeadRow>(
      sql`SELECT p.name, p.phones, p.email, p.address, f.content, f.mime FROM company_profile p
            LEFT JOIN stored_files f ON f.id = p.logo_file_id WHERE p.id = 1`,
    );
    return rows[0];
  }
}
