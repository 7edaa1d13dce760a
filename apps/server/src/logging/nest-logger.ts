import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';

/** Nest's start-up chatter (every module and route it wires) is debug detail, not news. */
const FRAMEWORK_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

class HeraldNestLogger extends NestPinoLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context)) super.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

/** Nest's logger interface over the root pino logger, so every `new Logger(context)` writes JSON lines. */
export function nestLoggerOver(root: Logger): NestPinoLogger {
  const params = { pinoHttp: { logger: root } };
  return new HeraldNestLogger(new PinoLogger(params), params);
}
