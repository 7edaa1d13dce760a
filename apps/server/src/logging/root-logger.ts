import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { REDACTED, REDACTED_PATHS, redactText } from './redaction.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty' | 'auto';

export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LoggingSettings {
  logLevel: LogLevel;
  /** `auto`: readable lines on a terminal, JSON lines otherwise (a file, a pipe, a log collector). */
  logFormat: LogFormat;
}

/**
 * The process's one pino logger: JSON lines with ISO times and level names, secrets redacted from
 * structured fields and from message text, written synchronously so that nothing is lost when the
 * process exits right after an error.
 */
export function createRootLogger(settings: LoggingSettings, destination: DestinationStream = process.stdout): Logger {
  const readable = settings.logFormat === 'pretty' || (settings.logFormat === 'auto' && isTerminal(destination));
  const stream = readable ? pretty({ sync: true, destination, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }) : destination;
  return pino(
    {
      level: settings.logLevel,
      base: { service: 'herald' },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      serializers: { err: (error: Error) => redactError(stdSerializers.err(error)) },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((argument) => (typeof argument === 'string' ? redactText(argument) : argument)) as Parameters<typeof method>,
          );
        },
      },
    },
    stream,
  );
}

function redactError(error: ReturnType<typeof stdSerializers.err>) {
  if (!error || typeof error !== 'object') return error;
  return { ...error, message: redactText(error.message), stack: redactText(error.stack) };
}

function isTerminal(destination: DestinationStream): boolean {
  return Boolean((destination as { isTTY?: boolean }).isTTY);
}
