import { type Command, Option } from 'commander';
import { call } from '../connection.js';
import type { Run } from '../context.js';
import { printRows } from '../output.js';
import { positiveInteger } from './projects.js';

const STATUSES = ['pending', 'delivering', 'succeeded', 'failed'] as const;

interface ListOptions {
  status?: (typeof STATUSES)[number];
  subscription?: string;
  event?: string;
  limit?: number;
  cursor?: string;
}

export function deliveriesCommand(program: Command, run: Run): void {
  const deliveries = program.command('deliveries').description('the delivery log (needs an admin key)');

  deliveries
    .command('list')
    .description('list deliveries, newest first')
    .addOption(new Option('--status <status>', 'only deliveries in this state').choices(STATUSES))
    .option('--subscription <id>', 'only deliveries of this subscription')
    .option('--event <id>', 'only deliveries of this event')
    .option('--limit <n>', 'how many (1 to 200, default 50)', positiveInteger)
    .option('--cursor <cursor>', 'the next page: the next_cursor of the previous one (with --json)')
    .action(
      run(async ({ connection, output }, options: ListOptions) => {
        const server = connection();
        const query = {
          status: options.status,
          subscription_id: options.subscription,
          event_id: options.event,
          limit: options.limit,
          cursor: options.cursor,
        };
        const page = await call(server, () => server.client.GET('/v1/deliveries', { params: { query } }));
        printRows(
          output,
          page.data,
          [
            ['id', (delivery) => delivery.id],
            ['status', (delivery) => delivery.status],
            ['subscription', (delivery) => delivery.subscription_id],
            ['event', (delivery) => delivery.event_id],
            ['attempts', (delivery) => delivery.attempt_count],
            ['last error', (delivery) => truncate(delivery.last_error, 60)],
            ['created', (delivery) => delivery.created_at],
          ],
          page,
        );
        if (!output.json && page.next_cursor) output.write(`more: --cursor ${page.next_cursor}\n`);
      }),
    );
}

function truncate(text: string | null | undefined, length: number): string {
  if (!text) return '';
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
