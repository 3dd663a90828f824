import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthContext } from '../auth/auth-context';
import { Auth, Authenticated } from '../auth/auth.decorators';
import { ListNotificationsQueryDto, MarkReadDto, NotificationPageDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'My notifications, newest first, with the unread count' })
  @Authenticated({ permission: 'notification.read' })
  @ApiOkResponse({ type: NotificationPageDto })
  listNotifications(@Auth() auth: AuthContext, @Query() query: ListNotificationsQueryDto) {
    return this.notifications.list(auth, query);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark my notifications read (these, or all)' })
  @Authenticated({ permission: 'notification.read' })
  @ApiNoContentResponse()
  markNotificationsRead(@Auth() auth: AuthContext, @Body() body: MarkReadDto) {
    return this.notifications.markRead(auth, body);
  }
}

/**
 * A staff member's own notifications (news of the chats they take part in): the customers'
 * list and its rules, under the staff permission.
 */
@ApiTags('notifications')
@Controller('staff/notifications')
export class StaffNotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: 'My notifications as a staff member, newest first, with the unread count',
  })
  @Authenticated({ permission: 'staffNotification.read' })
  @ApiOkResponse({ type: NotificationPageDto })
  listStaffNotifications(@Auth() auth: AuthContext, @Query() query: ListNotificationsQueryDto) {
    return this.notifications.list(auth, query);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark my notifications as a staff member read (these, or all)' })
  @Authenticated({ permission: 'staffNotification.read' })
  @ApiNoContentResponse()
  markStaffNotificationsRead(@Auth() auth: AuthContext, @Body() body: MarkReadDto) {
    return this.notifications.markRead(auth, body);
  }
}
