export { CliError } from './connection.js';
export type { Migrate } from './commands/migrate.js';
export { createProgram, runCli, type CliOptions } from './program.js';
