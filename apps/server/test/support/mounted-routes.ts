import type { INestApplication } from '@nestjs/common';

export interface MountedRoute {
  method: string;
  /** In OpenAPI's spelling: `/v1/subscriptions/{id}`. */
  path: string;
}

interface RouterLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Every route the running application answers, read from the Express router the server mounted them on. */
export function mountedRoutes(app: INestApplication): MountedRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: RouterLayer[] } };
  return express.router.stack.flatMap((layer) => {
    if (!layer.route) return [];
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    return paths.flatMap((path) =>
      Object.keys(layer.route!.methods)
        .filter((method) => method !== '_all')
        .map((method) => ({ method, path: path.replace(/:([A-Za-z0-9_]+)/g, '{$1}') })),
    );
  });
}
