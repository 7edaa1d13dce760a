import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ChannelLoadError } from './channels/channel-loader.js';
import { ConfigurationError, loadConfig } from './config/herald-config.js';
import { createHeraldApp } from './herald-app.js';

const logger = new Logger('Herald');

try {
  const config = loadConfig();
  const app = await createHeraldApp(config);
  await app.listen(config.port, '0.0.0.0');
  logger.log(`Herald (${config.role}) listening on port ${config.port}`);
} catch (error) {
  if (error instanceof ConfigurationError || error instanceof ChannelLoadError) {
    logger.error(error.message);
  } else {
    logger.error(`could not start: ${(error as Error).stack ?? error}`);
  }
  process.exit(1);
}
