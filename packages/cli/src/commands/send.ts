import type { Command } from 'commander';
import { CliError, call } from '../connection.js';
import type { Run } from '../context.js';
import { printRecord } from '../output.js';

interface SendOptions {
  data?: string;
  id?: string;
  source?: string;
  subject?: string;
}

export function sendCommand(program: Command, run: Run): void {
  program
    .command('send')
    .description('publish one event (needs a publisher or admin key)')
    .argument('<type>', 'the event type, such as ticket.created')
    .option('--data <json>', 'the event data as JSON, such as \'{"id": 42}\'')
    .option('--id <id>', 'idempotency key: a repeat is answered as a duplicate and delivers nothing')
    .option('--source <source>', 'who publishes it (default: api)')
    .option('--subject <subject>', 'what the event is about')
    .action(
      run(async ({ connection, output }, type: string, options: SendOptions) => {
        const data = parseData(options.data);
        const server = connection();
        const published = await call(server, () =>
          server.client.POST('/v1/events', {
            body: { type, data, id: options.id, source: options.source, subject: options.subject },
          }),
        );
        printRecord(output, published);
      }),
    );
}

function parseData(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--data is not JSON (${(error as Error).message}): quote it for the shell, such as --data '{"id": 42}'`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError('--data must be a JSON object, such as --data \'{"id": 42}\'');
  }
  return value as Record<string, unknown>;
}
