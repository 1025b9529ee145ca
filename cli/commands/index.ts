// The command table: one module per command, loaded only when that command runs (so `--help`, `--version` and
// light commands such as `diff` never load the TypeScript compiler, ts-morph or prettier).
import type { Command } from '../args.ts';

export interface CommandEntry {
  summary: string;
  load(): Promise<Command>;
}

export const commands: Record<string, CommandEntry> = {
  scrape: {
    summary: 'Scrape API-reference pages into an OpenAPI 3.1 document',
    load: async () => (await import('./scrape.ts')).scrape,
  },
  generate: {
    summary: 'Generate a typed TypeScript client package from an OpenAPI document',
    load: async () => (await import('./generate.ts')).generate,
  },
  diff: {
    summary: 'Semantic diff of two OpenAPI documents (breaking / warning / info)',
    load: async () => (await import('./diff.ts')).diff,
  },
  build: {
    summary: 'Scrape and generate every service of hwdocs.config.json',
    load: async () => (await import('./build.ts')).build,
  },
  check: {
    summary: 'Fail when the committed spec or package differs from a fresh build',
    load: async () => (await import('./check.ts')).check,
  },
  crawl: {
    summary: 'Fetch API-reference pages from the live docs into a folder',
    load: async () => (await import('./crawl.ts')).crawl,
  },
  verify: {
    summary: 'Check that documented examples compile against and validate with the generated package',
    load: async () => (await import('./verify.ts')).verify,
  },
};
