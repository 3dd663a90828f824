import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import { ApiCookieAuth, ApiExtension, ApiResponse } from '@nestjs/swagger';
import type { Permission } from '@kabinet/shared';
import { ProblemDto } from '../../common/problem.dto';
import type { AuthContext } from './auth-context';

export const PUBLIC_KEY = 'kabinet:public';
export const PERMISSION_KEY = 'kabinet:permission';
export const DURING_VIEW_AS_KEY = 'kabinet:duringViewAs';

/** The route needs no session (login, health). Every other route is denied by default. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * The route needs a session and, when given, a permission; documents both in the spec. While a
 * staff member views a customer's cabinet only reads pass, unless `duringViewAs` (ending the view,
 * logging out).
 */
export function Authenticated(options: { permission?: Permission; duringViewAs?: boolean } = {}) {
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, options.permission ?? null),
    SetMetadata(DURING_VIEW_AS_KEY, options.duringViewAs ?? false),
    ApiCookieAuth('session'),
    ApiExtension('x-permission', options.permission ?? 'authenticated'),
    ApiResponse({ status: 401, description: 'No valid session', type: ProblemDto }),
    ...(options.permission
      ? [
          ApiResponse({
            status: 403,
            description: 'The role lacks the permission',
            type: ProblemDto,
          }),
        ]
      : []),
  );
}

/** The caller's auth context (set by the global guard). */
export const Auth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const request = ctx.switchToHttp().getRequest<{ auth?: AuthContext }>();
  if (!request.auth) throw new Error('Auth() used on a route without @Authenticated()');
  return request.auth;
});
