import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiKeyRole } from './api-key.entity.js';

/** Who is calling: the root key, or a project's admin or publisher key. */
export type Principal = { role: 'root' } | { role: ApiKeyRole; projectId: string };
export type ProjectPrincipal = Extract<Principal, { projectId: string }>;

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

/** The calling project's id; only on routes closed to the root key. */
export const CurrentProjectId = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const principal = context.switchToHttp().getRequest<{ principal: Principal }>().principal;
  if (!('projectId' in principal)) throw new Error('CurrentProjectId on a route open to the root key');
  return principal.projectId;
});
