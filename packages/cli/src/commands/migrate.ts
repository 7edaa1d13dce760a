import type { Command } from 'commander';
import { CliError } from '../connection.js';
import type { Run } from '../context.js';

/** Runs the server's database migrations; only the server's `herald` provides it. */
export type Migrate = () => Promise<string[]>;

export function migrateCommand(program: Command, run: Run, migrate?: Migrate): void {
  program
    .command('migrate')
    .description('create the database if needed and apply pending migrations (DATABASE_URL)')
    .action(
      run(async ({ output }) => {
        if (!migrate) {
          throw new CliError(
            "migrate runs where the server is installed: use the server bundle's bin/herald, or `pnpm herald migrate` in the Herald repository.",
          );
        }
        const applied = await migrate();
        if (output.json) return output.write(`${JSON.stringify({ applied }, null, 2)}\n`);
        output.write(applied.length === 0 ? 'the database is up to date\n' : `applied ${applied.join(', ')}\n`);
      }),
    );
}
