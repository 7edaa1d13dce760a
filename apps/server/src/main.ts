import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { ChannelLoadError } from './channels/channel-loader.js';
import { ConfigurationError, loadConfig, type HeraldConfig } from './config/herald-config.js';
import { DrainState } from './health/drain-state.js';
import { DependencyUnavailableError } from './health/startup-checks.js';
import { createHeraldApp } from './herald-app.js';
import { createRootLogger } from './logging/root-logger.js';

let logger = createRootLogger({ logLevel: 'info', logFormat: 'auto' });

try {
  const config = loadConfig();
  logger = createRootLogger(config);
  const app = await createHeraldApp(config, logger);
  await app.listen(config.port, '0.0.0.0');
  stopOnSignals(app, config, logger);
  logger.info({ context: 'Herald', role: config.role, port: config.port }, `Herald (${config.role}) listening on port ${config.port}`);
} catch (error) {
  if (error instanceof ConfigurationError || error instanceof ChannelLoadError || error instanceof DependencyUnavailableError) {
    logger.fatal({ context: 'Herald' }, `could not start: ${error.message}`);
  } else {
    logger.fatal({ context: 'Herald', err: error }, `could not start: ${(error as Error).message ?? error}`);
  }
  process.exit(1);
}

/**
 * SIGTERM or SIGINT: readiness fails at once (draining), then after HERALD_DRAIN_DELAY_MS the
 * application closes: the worker finishes the attempts in flight, connections close. A second
 * signal ends the process without waiting.
 */
function stopOnSignals(app: INestApplication, config: HeraldConfig, log: Logger): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ context: 'Herald', signal }, `${signal} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    const started = Date.now();
    log.info({ context: 'Herald', signal }, `shutdown started (${signal}): readiness fails from now on, work in flight finishes`);
    app.get(DrainState).start();
    if (config.drainDelayMs > 0) await delay(config.drainDelayMs);
    try {
      await app.close();
      log.info({ context: 'Herald', duration_ms: Date.now() - started }, 'shutdown finished');
      process.exit(0);
    } catch (error) {
      log.error({ context: 'Herald', err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, (received) => void stop(received));
}
