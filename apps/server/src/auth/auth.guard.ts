import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeysService } from './api-keys.service.js';
import type { Principal } from './principal.js';
import { PUBLIC, ROLES } from './roles.decorator.js';

/** Global guard: every route needs a key of an allowed role unless it is @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const presented = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!presented) throw new UnauthorizedException('an API key is required: Authorization: Bearer <key>');
    const principal = await this.apiKeys.authenticate(presented);
    if (!principal) throw new UnauthorizedException('the API key is not valid');
    const allowed = this.reflector.getAllAndOverride<Array<Principal['role']>>(ROLES, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException(`a ${principal.role} key may not do this; it needs a key with role ${allowed.join(' or ') || 'none'}`);
    }
    request.principal = principal;
    return true;
  }
}
