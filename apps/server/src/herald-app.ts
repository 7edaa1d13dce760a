import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
import type { Logger as PinoRootLogger } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { serveConsole } from './console/console-static.js';
import { loadChannelPackages } from './channels/channel-loader.js';
import type { HeraldConfig } from './config/herald-config.js';
import { useJsonBodies } from './common/body-parsing.js';
import { UnavailableDependencyFilter } from './common/unavailable-dependency.filter.js';
import { validationPipe } from './common/validation.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { ensureDatabase, runMigrations } from './database/database-bootstrap.js';
import { requireDependencies } from './health/startup-checks.js';
import { nestLoggerOver } from './logging/nest-logger.js';
import { requestContext, requestLogging } from './logging/request-logging.js';
import { createRootLogger } from './logging/root-logger.js';
import { HttpMetrics } from './metrics/http-metrics.js';
import { serveOpenApi } from './openapi/openapi-setup.js';
import { resolveInstallationSecrets } from './security/installation-secrets.js';

/**
 * Builds the service: checks the channels named in the configuration, creates the database when
 * missing, runs migrations, then assembles the Nest application. Everything that can be wrong with
 * the setup fails here, before the first request. `logger: false` keeps the process silent (tests).
 */
export async function createHeraldApp(
  config: HeraldConfig,
  logger: PinoRootLogger | false = createRootLogger(config),
): Promise<INestApplication> {
  const root = logger === false ? createRootLogger({ logLevel: 'silent', logFormat: 'json' }) : logger;
  const nestLogger = logger === false ? false : nestLoggerOver(root);
  Logger.overrideLogger(nestLogger);
  await requireDependencies(config.databaseUrl, config.redisUrl);
  const channels = await loadChannelPackages(config.channelPackages);
  Logger.overrideLogger(nestLogger); // loading channels builds Nest contexts with logger: false, which silences every Logger
  await ensureDatabase(config.databaseUrl);
  await runMigrations(config.databaseUrl);
  const secrets = await withDataSource(config.databaseUrl, (dataSource) => resolveInstallationSecrets(config, dataSource));
  const app = await NestFactory.create(AppModule.forRoot({ config, channels, secrets }), {
    bodyParser: false,
    logger: nestLogger,
  });
  app.use(requestLogging(root), requestContext(root), app.get(HttpMetrics).middleware);
  app.use(helmet());
  serveConsole(app, config.consoleDirectory);
  useJsonBodies(app);
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new UnavailableDependencyFilter(app.getHttpAdapter()));
  if (config.role !== 'worker') serveOpenApi(app); // a worker serves no API, so documents none
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
