import type { Command } from '../command.js';

// Placeholder until this command is written; replace the whole file.
export const analyzeCommand: Command = async (_argv, io) => {
  io.stderr('archive-reader: analyze is not available yet\n');
  return 1;
};
