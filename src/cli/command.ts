export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

/** A subcommand: resolves to the process exit code; throws UsageError for exit 2, anything else for exit 1. */
export type Command = (argv: string[], io: CliIO) => Promise<number>;
