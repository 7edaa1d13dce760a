import type { Command } from 'commander';
import { connect, type Connection } from './connection.js';
import type { Output } from './output.js';

export interface GlobalOptions {
  url?: string;
  key?: string;
  json?: boolean;
}

export interface CommandContext {
  output: Output;
  /** The server connection, made on first use (`herald migrate` needs none). */
  connection(): Connection;
}

/** What a command's action needs, from the global flags of the command that runs. */
export function contextOf(command: Command, write: (text: string) => void): CommandContext {
  const options = command.optsWithGlobals<GlobalOptions>();
  let connection: Connection | undefined;
  return {
    output: { json: Boolean(options.json), write },
    connection: () => {
      connection ??= connect(options);
      return connection;
    },
  };
}

/** A command's work: the context, then commander's arguments and options. */
export type Action = (context: CommandContext, ...args: never[]) => Promise<void>;

/** Wraps an action for commander: builds its context from the command that runs. */
export type Run = (action: Action) => (...args: unknown[]) => Promise<void>;
