// The command table: one module per command.
import type { Command } from '../args.ts';
import { build } from './build.ts';
import { check } from './check.ts';
import { crawl } from './crawl.ts';
import { diff } from './diff.ts';
import { generate } from './generate.ts';
import { scrape } from './scrape.ts';
import { verify } from './verify.ts';

export const commands: Record<string, Command> = { scrape, generate, diff, build, check, crawl, verify };
