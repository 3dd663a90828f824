import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@kabinet/shared';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { AuthContext } from './auth-context';
import { DURING_VIEW_AS_KEY, PERMISSION_KEY, PUBLIC_KEY } from './auth.decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
import { cookieSettings } from './cookies';
import { SessionsService } from './sessions.service';

export type AuthedRequest = FastifyRequest & { auth?: AuthContext };

/**
 * The one global guard: every route needs a live session unless marked @Public(); a route with
 * @Authenticated({ permission }) also needs the permission in the caller's role.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  private readonly sessionCookie: string;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.sessionCookie = cookieSettings(config).sessionName;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const token = request.cookies?.[this.sessionCookie];
    const auth = token ? await this.sessions.resolve(token) : null;
    if (auth) request.auth = auth;
    if (isPublic) return true;
    if (!auth) throw new DomainError('unauthenticated', 'Log in to continue');
    const permission = this.reflector.getAllAndOverride<Permission | null | undefined>(
      PERMISSION_KEY,
      targets,
    );
    if (permission === undefined) {
      // Neither @Public() nor @Authenticated(): a route someone forgot to declare. Deny.
      throw new DomainError('forbidden', 'This route declares no access rule');
    }
    if (permission && !auth.permissions.has(permission)) {
      throw new DomainError('forbidden', 'Your role does not allow this');
    }
    if (
      auth.viewAs &&
      !SAFE_METHODS.has(request.method) &&
      !this.reflector.getAllAndOverride<boolean>(DURING_VIEW_AS_KEY, targets)
    ) {
      throw new DomainError(
        'read_only',
        'You are viewing the customer’s cabinet as they see it; nothing can be changed',
      );
    }
    return true;
  }
}
