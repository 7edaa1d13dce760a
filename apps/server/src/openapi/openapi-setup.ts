import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { buildOpenApiDocument } from './openapi-document.js';

export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

/**
 * Serves the document at GET /openapi.json and Swagger UI over it at GET /docs, both without a key.
 * The page's CSP is helmet's without upgrade-insecure-requests, so Swagger UI reached over plain
 * http on a LAN still loads its files and its "Try it out" requests reach the server.
 */
export function serveOpenApi(app: INestApplication): void {
  app.use(DOCS_PATH, helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  SwaggerModule.setup(DOCS_PATH.slice(1), app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_PATH.slice(1),
    raw: ['json'],
    customSiteTitle: 'Herald API',
    swaggerOptions: { persistAuthorization: false },
  });
}
