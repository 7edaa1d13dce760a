import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/herald-config.js';
import { buildOpenApiDocument } from '../openapi/openapi-document.js';

/** Where the typed client keeps the document it is generated from. */
const DEFAULT_TARGET = fileURLToPath(new URL('../../../../packages/api-client/openapi.json', import.meta.url));

/**
 * Writes the OpenAPI document of the whole API (`HERALD_ROLE=all`) to a file — the client
 * package's copy by default — without PostgreSQL or Redis: Nest assembles the modules in preview
 * mode, which reads the routes' metadata and instantiates nothing.
 */
const target = resolve(process.argv[2] ?? DEFAULT_TARGET);
const config = loadConfig({
  HERALD_ROLE: 'all',
  REDIS_URL: 'redis://127.0.0.1:1',
  HERALD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
});
const app = await NestFactory.create(
  AppModule.forRoot({ config, channels: [], secrets: { rootKeyHash: '', encryptionKeys: config.encryptionKeys } }),
  { preview: true, logger: false, abortOnError: false },
);
writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
console.log(`OpenAPI document written to ${target}`);
process.exit(0);
