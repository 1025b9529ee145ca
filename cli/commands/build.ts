// `hwdocs build` — placeholder until its module lands.
import type { Command } from '../args.ts';
export const build: Command = {
  summary: 'Scrape and generate every service of hwdocs.config.json',
  async run() {
    process.stderr.write('hwdocs build: not implemented yet\n');
    return 2;
  },
};
