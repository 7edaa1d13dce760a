import { Logger, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { loadChannelPackages } from './channels/channel-loader.js';
import type { HeraldConfig } from './config/herald-config.js';
import { useJsonBodies } from './common/body-parsing.js';
import { UnavailableDependencyFilter } from './common/unavailable-dependency.filter.js';
import { validationPipe } from './common/validation.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ensureDatabase, runMigrations } from './database/database-bootstrap.js';
import { serveOpenApi } from './openapi/openapi-setup.js';
import { resolveInstallationSecrets } from './security/installation-secrets.js';

/**
 * Builds the service: checks the channels named in the configuration, creates the database when
 * missing, runs migrations, then assembles the Nest application. Everything that can be wrong with
 * the setup fails here, before the first request.
 */
export async function createHeraldApp(config: HeraldConfig, logger: LoggerService | false = new Logger()): Promise<INestApplication> {
  const channels = await loadChannelPackages(config.channelPackages);
  await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl);
  const secrets = await withDataSource(config.databaseUrl, (dataSource) => resolveInstallationSecrets(config, dataSource));
  const app = await NestFactory.create(AppModule.forRoot({ config, channels, secrets }), { bodyParser: false, logger });
  app.use(helmet());
  useJsonBodies(app);
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new UnavailableDependencyFilter(app.getHttpAdapter()));
  serveOpenApi(app);
  app.enableShutdownHooks();
  return app;
}

async function withDataSource<T>(databaseUrl: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
