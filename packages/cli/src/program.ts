import { Command, CommanderError } from 'commander';
import { deliveriesCommand } from './commands/deliveries.js';
import { keysCommand } from './commands/keys.js';
import { type Migrate, migrateCommand } from './commands/migrate.js';
import { projectsCommand } from './commands/projects.js';
import { sendCommand } from './commands/send.js';
import { subscriptionsCommand } from './commands/subscriptions.js';
import { CliError, DEFAULT_URL } from './connection.js';
import { type Action, contextOf, type Run } from './context.js';

export interface CliOptions {
  /** `herald migrate`: given by the server's own `herald`, absent in the stand-alone package. */
  migrate?: Migrate;
  version?: string;
  write?: (text: string) => void;
  writeError?: (text: string) => void;
}

/** The `herald` command and its subcommands. */
export function createProgram(options: CliOptions = {}): Command {
  const write = options.write ?? ((text: string) => void process.stdout.write(text));
  const program = new Command('herald')
    .description('Manage a Herald server: projects, API keys, subscriptions, events and the delivery log.')
    .version(options.version ?? '0.1.0')
    .option('--url <url>', `the server's address (env HERALD_URL, default ${DEFAULT_URL})`)
    .option('--key <key>', 'an API key, or the root key for projects (env HERALD_KEY)')
    .option('--json', 'print the answer as JSON, for scripts')
    .showHelpAfterError('(run herald --help for the commands)')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: options.writeError ?? ((text) => void process.stderr.write(text)) });

  const run: Run =
    (action: Action) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      await (action as (...parameters: unknown[]) => Promise<void>)(contextOf(command, write), ...args.slice(0, -1));
    };
  projectsCommand(program, run);
  keysCommand(program, run);
  sendCommand(program, run);
  subscriptionsCommand(program, run);
  deliveriesCommand(program, run);
  migrateCommand(program, run, options.migrate);
  return program;
}

/** Parses `argv` and runs the command; returns the exit code (0, or 1 with a message on standard error). */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<number> {
  const writeError = options.writeError ?? ((text: string) => void process.stderr.write(text));
  const program = createProgram({ ...options, writeError });
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      writeError(`herald: ${error.message}\n`);
      return error.exitCode;
    }
    writeError(`herald: ${(error as Error).message ?? error}\n`);
    return 1;
  }
}
