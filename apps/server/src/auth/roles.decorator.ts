import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiErrors } from '../openapi/api-errors.decorator.js';
import type { Principal } from './principal.js';

export const ROLES = 'herald:roles';
export const PUBLIC = 'herald:public';

/**
 * Which keys may call a route. Routes without it are closed to every key. The OpenAPI document
 * learns the same from it: bearer auth, the roles allowed (`x-herald-roles`), 401, 403 and 429.
 */
export const Roles = (...roles: Array<Principal['role']>) =>
  applyDecorators(SetMetadata(ROLES, roles), ApiBearerAuth(), ApiExtension('x-herald-roles', roles), ApiErrors(401, 403, 429));

/** A route that takes no key (health, metrics). */
export const Public = () => SetMetadata(PUBLIC, true);
