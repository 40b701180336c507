import type { Command } from '../command.js';

// Placeholder until this command is written; replace the whole file.
export const showCommand: Command = async (_argv, io) => {
  io.stderr('archive-reader: show is not available yet\n');
  return 1;
};
