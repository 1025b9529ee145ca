// `hwdocs crawl` — placeholder until its module lands.
import type { Command } from '../args.ts';
export const crawl: Command = {
  summary: 'Fetch API-reference pages from the live docs into a folder',
  async run() {
    process.stderr.write('hwdocs crawl: not implemented yet\n');
    return 2;
  },
};
