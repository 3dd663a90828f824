import { ApiProperty } from '@nestjs/swagger';
import { PERMISSIONS, ROLES, type Permission, type Role } from '@kabinet/shared';

/** Who I am: the SPA builds its navigation from `permissions`. */
export class MeDto {
  @ApiProperty({ enum: ['customer', 'staff'] })
  kind: 'customer' | 'staff';
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;
  @ApiProperty({ enum: PERMISSIONS, enumName: 'Permission', isArray: true })
  permissions: Permission[];
  @ApiProperty({ example: 'Иванова Мария Петровна' })
  fullName: string;
  @ApiProperty({ type: String, nullable: true, example: '+79123456789', description: 'E.164' })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Staff login; null for customers' })
  login: string | null;
  @ApiProperty({ type: String, nullable: true })
  email: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1500.00',
    description: 'Bonus balance from 1C, a decimal string; null for staff',
  })
  bonusBalance: string | null;
  @ApiProperty({
    description: 'Unread notifications (a customer’s; a staff member’s: their chats’ news)',
  })
  unreadNotifications: number;
  @ApiProperty({
    type: () => ViewAsDto,
    nullable: true,
    description:
      'Set while a staff member views this customer’s cabinet read-only: the rest of the answer is the customer’s',
  })
  viewAs: ViewAsDto | null;
}

export class ViewAsDto {
  @ApiProperty({ format: 'uuid' }) staffUserId: string;
  @ApiProperty() staffName: string;
}
