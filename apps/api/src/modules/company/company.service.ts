import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  COMPANY_LIMITS,
  isEmail,
  isHexColor,
  isReadableBrandColor,
  contrastRatio,
  LOGO_TYPES,
  MIN_BRAND_CONTRAST,
  readableShade,
  type FieldError,
} from '@kabinet/shared';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthContext } from '../auth/auth-context';
import { sniffMime } from '../files/sniff';
import { StoredFilesService } from '../files/stored-files.service';
import { CompanyRepository, type CompanyProfileRow } from './company.repository';
import type { BrandDto, CompanyDto, UpdateCompanyDto } from './company.dto';

/** What messages and documents sign with: the name and how to reach the company. */
export interface Letterhead {
  name: string | null;
  phones: string[];
  email: string | null;
  address: string | null;
}

export interface StoredLogo {
  content: Buffer;
  mime: string;
  sha256: string;
}

/** Line breaks and runs of spaces become one space; empty becomes null. */
function oneLine(value: string | null | undefined): string | null {
  const s = (value ?? '').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

const logoUrl = (fileId: string | null) =>
  fileId ? `/api/company/logo/${encodeURIComponent(fileId)}` : null;

/**
 * The company profile: name, description, logo, brand colour and contacts. One stored row, made
 * from `COMPANY_*` the first time the app starts (or reads it) without one; admins change it in
 * the app afterwards and the stored profile wins over the environment.
 */
@Injectable()
export class CompanyService implements OnApplicationBootstrap {
  constructor(
    private readonly repo: CompanyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly files: StoredFilesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.profile();
  }

  /** The stored profile; the first call on an empty table stores the one `COMPANY_*` gives. */
  async profile(): Promise<CompanyProfileRow> {
    const stored = await this.repo.find();
    if (stored) return stored;
    // Two replicas starting at once: one INSERT wins, the other does nothing.
    await this.repo.insertIfNone(this.config.company);
    const made = await this.repo.find();
    if (!made) throw new Error('The company profile vanished while being made');
    return made;
  }

  /** The profile for everyone signed in (the Contacts page) and for the admin's form. */
  async get(_auth: AuthContext): Promise<CompanyDto> {
    return this.toDto(await this.profile());
  }

  /** The brand only: public (the login page), so nothing else leaves through it. */
  async brand(): Promise<BrandDto> {
    const p = await this.profile();
    return {
      name: p.name,
      description: p.description,
      logoUrl: logoUrl(p.logo_file_id),
      color: p.color,
    };
  }

  /** The name and contacts that SMS, e-mails and PDFs carry. */
  async letterhead(): Promise<Letterhead> {
    const p = await this.profile();
    return { name: p.name, phones: p.phones, email: p.email, address: p.address };
  }

  /** Saves the profile's text fields (all of them: what is missing or empty is cleared). */
  async update(auth: AuthContext, dto: UpdateCompanyDto): Promise<CompanyDto> {
    const fields: FieldError[] = [];
    const name = oneLine(dto.name);
    if (!name) fields.push({ path: 'name', message: 'Enter the company’s name' });
    const color = oneLine(dto.color)?.toLowerCase() ?? null;
    if (color !== null) {
      if (!isHexColor(color)) {
        fields.push({ path: 'color', message: 'A colour as #rrggbb, e.g. #0b7285' });
      } else if (!isReadableBrandColor(color)) {
        const ratio = contrastRatio(color, '#ffffff').toFixed(1);
        fields.push({
          path: 'color',
          message:
            `Too light: white text on it has a contrast of ${ratio}:1, at least ` +
            `${MIN_BRAND_CONTRAST}:1 is needed; a darker shade such as ${readableShade(color)} reads well`,
        });
      }
    }
    const phones: string[] = [];
    (dto.phones ?? []).forEach((raw, i) => {
      if (!oneLine(raw)) return;
      const phone = normalizePhone(raw);
      if (!phone) {
        fields.push({ path: `phones.${i}`, message: `Not a phone number: ${raw.trim()}` });
      } else if (!phones.includes(phone)) phones.push(phone);
    });
    const email = oneLine(dto.email);
    if (email && !isEmail(email)) {
      fields.push({ path: 'email', message: 'An e-mail address, e.g. info@example.ru' });
    }
    if (fields.length) throw DomainError.validation(fields);
    await this.profile();
    await this.repo.update(
      {
        name,
        description: oneLine(dto.description),
        color,
        phones: phones.slice(0, COMPANY_LIMITS.phones),
        email,
        address: oneLine(dto.address),
        hours: oneLine(dto.hours),
      },
      this.clock.now(),
      auth.userId,
    );
    return this.get(auth);
  }

  /**
   * A new logo: a PNG, JPEG, GIF or WebP (recognised from the bytes, never from the name or the
   * sender's type), at most `COMPANY_LIMITS.logoBytes`, stored in `stored_files` like every file.
   */
  async setLogo(auth: AuthContext, bytes: Buffer, truncated: boolean): Promise<CompanyDto> {
    if (truncated || bytes.length > COMPANY_LIMITS.logoBytes) {
      throw new DomainError(
        'payload_too_large',
        `The logo is larger than ${COMPANY_LIMITS.logoBytes / 1024 / 1024} MB`,
      );
    }
    if (bytes.length === 0) {
      throw DomainError.validation([{ path: 'file', message: 'The file is empty' }]);
    }
    const mime = sniffMime(bytes);
    if (!(LOGO_TYPES as readonly string[]).includes(mime)) {
      throw DomainError.validation([
        { path: 'file', message: 'The logo must be a PNG, JPEG, GIF or WebP image' },
      ]);
    }
    await this.profile();
    await this.files.store(bytes, (tx, fileId) =>
      this.repo.in(tx).setLogo(fileId, this.clock.now(), auth.userId),
    );
    return this.get(auth);
  }

  async removeLogo(auth: AuthContext): Promise<CompanyDto> {
    await this.profile();
    await this.repo.setLogo(null, this.clock.now(), auth.userId);
    return this.get(auth);
  }

  /** The logo's bytes, only while `fileId` is the current logo: no other stored file leaks here. */
  async logo(fileId: string): Promise<StoredLogo> {
    const logo = await this.repo.logo(fileId);
    if (!logo) throw DomainError.notFound('Logo');
    return logo;
  }

  /** The letterhead with the logo's bytes, for documents (the items PDF): one statement. */
  async documentHead(): Promise<Letterhead & { logo: { content: Buffer; mime: string } | null }> {
    const row = (await this.repo.documentHead()) ?? {
      ...(await this.letterhead()),
      content: null,
      mime: null,
    };
    const { content, mime, ...letterhead } = row;
    return { ...letterhead, logo: content && mime ? { content, mime } : null };
  }

  private toDto(p: CompanyProfileRow): CompanyDto {
    return {
      name: p.name,
      description: p.description,
      logoUrl: logoUrl(p.logo_file_id),
      color: p.color,
      phones: [...p.phones],
      email: p.email,
      address: p.address,
      hours: p.hours,
    };
  }
}
