import { type Command, InvalidArgumentError } from 'commander';
import { call } from '../connection.js';
import type { Run } from '../context.js';
import { printRecord, printRows } from '../output.js';

export function projectsCommand(program: Command, run: Run): void {
  const projects = program.command('projects').description('create and list projects (needs the root key)');

  projects
    .command('create')
    .description('create a project; its first admin and publisher keys are shown once')
    .argument('<key>', 'short name: lower-case letters, digits and dashes')
    .option('--name <name>', 'display name (default: the key)')
    .option(
      '--retention-days <days>',
      "keep its events and deliveries this many days (default: the server's HERALD_RETENTION_DAYS)",
      positiveInteger,
    )
    .action(
      run(async ({ connection, output }, key: string, options: { name?: string; retentionDays?: number }) => {
        const server = connection();
        const body = { key, name: options.name ?? key, retention_days: options.retentionDays };
        const project = await call(server, () => server.client.POST('/v1/projects', { body }));
        if (output.json) return printRecord(output, project);
        printRecord(output, { id: project.id, key: project.key, name: project.name, retention_days: project.retention_days ?? 'default' });
        output.write('\nAPI keys (shown this once: store them now):\n');
        printRows(output, project.api_keys, [
          ['role', (entry) => entry.role],
          ['key', (entry) => entry.key],
        ]);
      }),
    );

  projects
    .command('list')
    .description('list every project')
    .action(
      run(async ({ connection, output }) => {
        const server = connection();
        const page = await call(server, () => server.client.GET('/v1/projects'));
        printRows(
          output,
          page.data,
          [
            ['id', (project) => project.id],
            ['key', (project) => project.key],
            ['name', (project) => project.name],
            ['created', (project) => project.created_at],
          ],
          page,
        );
      }),
    );
}

export function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('it must be a whole number above 0');
  return number;
}
