import { Injectable } from '@nestjs/common';
import { permissionsOf } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import type { AuthContext } from '../auth/auth-context';
import type { MeDto } from './me.dto';
import { MeRepository } from './me.repository';

@Injectable()
export class MeService {
  constructor(private readonly repo: MeRepository) {}

  async get(auth: Pick<AuthContext, 'kind' | 'userId' | 'viewAs'>): Promise<MeDto> {
    if (auth.kind === 'customer') {
      const c = await this.repo.customer(auth.userId);
      if (!c) throw new DomainError('unauthenticated', 'Log in to continue');
      return {
        unreadNotifications: Number(c.unread),
        viewAs: auth.viewAs
          ? { staffUserId: auth.viewAs.staffUserId, staffName: auth.viewAs.staffName }
          : null,
        kind: 'customer',
        id: c.id,
        role: 'customer',
        permissions: permissionsOf('customer'),
        fullName: c.full_name,
        phone: c.phone,
        login: null,
        email: c.email,
        bonusBalance: c.bonus_balance,
      };
    }
    const s = await this.repo.staff(auth.userId);
    if (!s) throw new DomainError('unauthenticated', 'Log in to continue');
    return {
      kind: 'staff',
      id: s.id,
      role: s.role,
      permissions: permissionsOf(s.role),
      fullName: s.full_name,
      phone: s.phone,
      login: s.login,
      email: s.email,
      bonusBalance: null,
      unreadNotifications: Number(s.unread),
      viewAs: null,
    };
  }
}
