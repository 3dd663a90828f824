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
