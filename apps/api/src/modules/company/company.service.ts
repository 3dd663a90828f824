import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthContext } from '../auth/auth-context';
import type { CompanyDto } from './company.dto';

@Injectable()
export class CompanyService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The same contacts for everyone signed in: they come from the configuration, not from 1C. */
  get(_auth: AuthContext): CompanyDto {
    const c = this.config.company;
    return {
      name: c.name,
      phones: [...c.phones],
      email: c.email,
      address: c.address,
      hours: c.hours,
    };
  }
}
