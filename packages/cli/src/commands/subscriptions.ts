import type { Command } from 'commander';
import { call } from '../connection.js';
import type { Run } from '../context.js';
import { printRows } from '../output.js';

export function subscriptionsCommand(program: Command, run: Run): void {
  const subscriptions = program.command('subscriptions').description("the project's subscriptions (needs an admin key)");

  subscriptions
    .command('list')
    .description('list the subscriptions, their channel, event types and state')
    .action(
      run(async ({ connection, output }) => {
        const server = connection();
        const page = await call(server, () => server.client.GET('/v1/subscriptions'));
        printRows(
          output,
          page.data,
          [
            ['id', (subscription) => subscription.id],
            ['name', (subscription) => subscription.name],
            ['channel', (subscription) => `${subscription.channel} ${subscription.action}`],
            ['event types', (subscription) => subscription.event_types],
            ['state', (subscription) => stateOf(subscription)],
          ],
          page,
        );
      }),
    );
}

function stateOf(subscription: { enabled: boolean; health?: { paused_until?: string | null } | null }): string {
  if (!subscription.enabled) return 'disabled';
  const pausedUntil = subscription.health?.paused_until;
  return pausedUntil && new Date(pausedUntil) > new Date() ? `paused until ${pausedUntil}` : 'enabled';
}
