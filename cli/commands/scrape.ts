// `hwdocs scrape` — placeholder until the scraper core lands.
import type { Command } from '../args.ts';
export const scrape: Command = {
  summary: 'Scrape API-reference pages into an OpenAPI 3.1 document',
  async run() {
    process.stderr.write('hwdocs scrape: not implemented yet\n');
    return 2;
  },
};
