#!/usr/bin/env node
import 'reflect-metadata';
import { runCli } from '@herald/cli';
import { Logger } from '@nestjs/common';
import { createRequire } from 'node:module';
import { loadConfig } from './config/herald-config.js';
import { ensureDatabase, runMigrations } from './database/database-bootstrap.js';
import { requirePostgres } from './health/startup-checks.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/**
 * The server's `herald`: the CLI of @herald/cli plus `herald migrate`, which needs the server's
 * migrations (the stand-alone CLI has none). Runs from the repository and from the bundle.
 */
process.exitCode = await runCli(process.argv, {
  version,
  migrate: async () => {
    const { databaseUrl } = loadConfig();
    Logger.overrideLogger(false);
    await requirePostgres(databaseUrl);
    await ensureDatabase(databaseUrl);
    return runMigrations(databaseUrl);
  },
});
