// The command table: one module per command.
import type { Command } from '../args.ts';
import { scrape } from './scrape.ts';

export const commands: Record<string, Command> = {
  scrape,
};
