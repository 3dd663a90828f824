import { Inject, Injectable } from '@nestjs/common';
import {
  CUSTOMER_NOTIFICATION_KINDS,
  DEFAULT_NOTIFICATION_SETTINGS,
  isEmail,
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationSettings,
} from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { normalizePhone } from '../../common/phone';
import { DB, type Database } from '../../database/sql';
import type { AuthContext } from '../auth/auth-context';
import { ExportService } from '../exchange/export.service';
import { toChangeRequest, type ChangeRequestDto } from '../change-requests/change-requests.dto';
import {
  legalDetails,
  type CreateChangeRequestDto,
  type ProfileDto,
  type UpdateNotificationSettingsDto,
} from './profile.dto';
import { ProfileRepository } from './profile.repository';

/** Every kind × channel, the customer's choice over the defaults. */
export function mergedSettings(stored: Partial<NotificationSettings> | null): NotificationSettings {
  const out = {} as NotificationSettings;
  for (const kind of NOTIFICATION_KINDS) {
    out[kind] = { ...DEFAULT_NOTIFICATION_SETTINGS[kind], ...(stored?.[kind] ?? {}) };
  }
  return out;
}

/** A customer's own profile: contact data from 1C, requests to change it, settings. */
@Injectable()
export class ProfileService {
  constructor(
    @Inject(DB) private readonly db: Database,
    private readonly repo: ProfileRepository,
    private readonly exports: ExportService,
  ) {}

  async get(auth: AuthContext): Promise<ProfileDto> {
    const c = await this.repo.find(auth.userId);
    if (!c) throw DomainError.notFound('Customer');
    const settings = mergedSettings(c.notification_settings);
    return {
      fullName: c.full_name,
      phone: c.phone,
      phoneRaw: c.phone_raw,
      email: c.email,
      bonusBalance: c.bonus_balance,
      requisites: c.requisites,
      legal: legalDetails(c),
      // The kinds a customer gets (staff-only ones are not theirs to choose).
      notificationSettings: CUSTOMER_NOTIFICATION_KINDS.flatMap((kind) =>
        NOTIFICATION_CHANNELS.map((channel) => ({
          kind,
          channel,
          enabled: settings[kind][channel],
        })),
      ),
      changeRequests: (c.requests ?? []).map(toChangeRequest),
      inBooks: c.external_id !== null,
      managers: (c.managers ?? []).map((m) => ({
        fullName: m.full_name,
        phone: m.phone,
        email: m.email,
      })),
    };
  }

  async updateSettings(
    auth: AuthContext,
    body: UpdateNotificationSettingsDto,
  ): Promise<ProfileDto> {
    // Under a row lock, so two tabs changing different switches do not undo each other.
    await this.db.transaction(async (tx) => {
      const customers = this.repo.in(tx);
      const current = mergedSettings(await customers.settingsForUpdate(auth.userId));
      for (const { kind, channel, enabled } of body.items) current[kind][channel] = enabled;
      await customers.saveSettings(auth.userId, current);
    });
    return this.get(auth);
  }

  async requestChange(auth: AuthContext, body: CreateChangeRequestDto): Promise<ChangeRequestDto> {
    let value = body.value.trim();
    if (body.field === 'phone') {
      const phone = normalizePhone(value);
      if (!phone) {
        throw DomainError.validation([
          { path: 'value', message: 'Not a phone number; write it as +7 916 123-45-67' },
        ]);
      }
      value = phone;
    } else {
      value = value.toLowerCase();
      if (!isEmail(value)) {
        throw DomainError.validation([
          { path: 'value', message: 'Not an e-mail address; write it as name@example.ru' },
        ]);
      }
    }
    return this.db.transaction(async (tx) => {
      const profile = this.repo.in(tx);
      const c = await profile.contactsForUpdate(auth.userId, body.field);
      if (!c) throw DomainError.notFound('Customer');
      if (c.external_id === null) {
        // An account made for a shared contract: 1C has no record of the person to change.
        throw new DomainError(
          'forbidden',
          'Your contact data is not kept in the company’s books: there is nothing to change',
        );
      }
      const current = body.field === 'phone' ? c.phone : c.email;
      if (current && current.toLowerCase() === value) {
        throw DomainError.validation([
          { path: 'value', message: 'This is already your current value' },
        ]);
      }
      if (c.pending) {
        throw DomainError.validation([
          {
            path: 'field',
            message: 'A request to change this is already waiting for the manager',
          },
        ]);
      }
      const request = await profile.insertRequest({
        customerId: auth.userId,
        field: body.field,
        value,
        previousValue: current,
        comment: body.comment?.trim() || null,
      });
      await this.exports.enqueue(tx, {
        kind: 'profile_change_request',
        customerExternalId: c.external_id,
        field: body.field,
        oldValue: current,
        newValue: value,
        comment: request.comment,
      });
      return toChangeRequest(request);
    });
  }
}
