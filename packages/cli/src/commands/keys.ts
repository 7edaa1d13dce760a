import { type Command, Option } from 'commander';
import { call } from '../connection.js';
import type { Run } from '../context.js';
import { printRecord, printRows } from '../output.js';

export function keysCommand(program: Command, run: Run): void {
  const keys = program.command('keys').description("manage the project's API keys (needs an admin key)");

  keys
    .command('create')
    .description('create an API key; the key is shown once')
    .requiredOption('--name <name>', 'what the key is for, such as ci-pipeline')
    .addOption(
      new Option('--role <role>', 'admin manages the project; publisher may only publish')
        .choices(['admin', 'publisher'])
        .default('publisher'),
    )
    .action(
      run(async ({ connection, output }, options: { name: string; role: 'admin' | 'publisher' }) => {
        const server = connection();
        const created = await call(server, () => server.client.POST('/v1/api-keys', { body: { name: options.name, role: options.role } }));
        if (output.json) return printRecord(output, created);
        printRecord(output, { id: created.id, name: created.name, role: created.role, key: created.key });
        output.write('\nThe key is shown this once: store it now.\n');
      }),
    );

  keys
    .command('list')
    .description("list the project's keys (never the keys themselves)")
    .action(
      run(async ({ connection, output }) => {
        const server = connection();
        const page = await call(server, () => server.client.GET('/v1/api-keys'));
        printRows(
          output,
          page.data,
          [
            ['id', (key) => key.id],
            ['name', (key) => key.name],
            ['role', (key) => key.role],
            ['prefix', (key) => key.key_prefix],
            ['created', (key) => key.created_at],
            ['last used', (key) => key.last_used_at ?? 'never'],
          ],
          page,
        );
      }),
    );

  keys
    .command('revoke')
    .description('revoke a key at once (the last admin key cannot be revoked)')
    .argument('<id>', 'the key id (key_…), from `herald keys list`')
    .action(
      run(async ({ connection, output }, id: string) => {
        const server = connection();
        await call(server, () => server.client.DELETE('/v1/api-keys/{id}', { params: { path: { id } } }));
        if (output.json) return printRecord(output, { id, revoked: true });
        output.write(`revoked ${id}\n`);
      }),
    );
}
