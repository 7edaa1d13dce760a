import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

/**
 * Serves the web console at /console from its built files, with an SPA fallback: any path under
 * /console without a file extension gets index.html, so the console's own routes survive a reload.
 * Hashed assets are cached for good; index.html never is. The page's CSP is helmet's, without
 * upgrade-insecure-requests, so a console reached over plain http on a LAN still loads its assets.
 */
export function serveConsole(app: INestApplication, directory: string): void {
  const index = join(directory, 'index.html');
  const pageHeaders = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  const assets = express.static(directory, {
    index: false,
    setHeaders: (response, path) => {
      if (path.startsWith(join(directory, 'assets'))) response.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  app.use('/console', pageHeaders, assets, (request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || extname(request.path) !== '') return next();
    if (!existsSync(index)) {
      response.status(404).type('text/plain').send('The console is not built: run `pnpm build` (or `pnpm start`, which builds it).');
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
}
