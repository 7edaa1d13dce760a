import { SetMetadata } from '@nestjs/common';
import type { Principal } from './principal.js';

export const ROLES = 'herald:roles';
export const PUBLIC = 'herald:public';

/** Which keys may call a route. Routes without it are closed to every key. */
export const Roles = (...roles: Array<Principal['role']>) => SetMetadata(ROLES, roles);

/** A route that takes no key (health, metrics). */
export const Public = () => SetMetadata(PUBLIC, true);
