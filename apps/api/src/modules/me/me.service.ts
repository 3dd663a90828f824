import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { permissionsOf } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import type { AuthContext } from '../auth/auth-context';
import { Customer } from '../customers/customer.entity';
import { StaffUser } from '../staff/staff-user.entity';
import type { MeDto } from './me.dto';

@Injectable()
export class MeService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(auth: Pick<AuthContext, 'kind' | 'userId' | 'viewAs'>): Promise<MeDto> {
    if (auth.kind === 'customer') {
      const rows: Array<{ unread: string }> = await this.db.query(
        'SELECT count(*) AS unread FROM notifications WHERE customer_id = $1 AND read_at IS NULL',
        [auth.userId],
      );
      const c = await this.db.getRepository(Customer).findOne({ where: { id: auth.userId } });
      if (!c) throw new DomainError('unauthenticated', 'Log in to continue');
      return {
        unreadNotifications: Number(rows[0]?.unread ?? 0),
        viewAs: auth.viewAs
          ? { staffUserId: auth.viewAs.staffUserId, staffName: auth.viewAs.staffName }
          : null,
        kind: 'customer',
        id: c.id,
        role: 'customer',
        permissions: permissionsOf('customer'),
        fullName: c.fullName,
        phone: c.phone,
        login: null,
        email: c.email,
        bonusBalance: c.bonusBalance,
      };
    }
    const s = await this.db.getRepository(StaffUser).findOne({ where: { id: auth.userId } });
    if (!s) throw new DomainError('unauthenticated', 'Log in to continue');
    return {
      kind: 'staff',
      id: s.id,
      role: s.role,
      permissions: permissionsOf(s.role),
      fullName: s.fullName,
      phone: s.phone,
      login: s.login,
      email: s.email,
      bonusBalance: null,
      unreadNotifications: 0,
      viewAs: null,
    };
  }
}
