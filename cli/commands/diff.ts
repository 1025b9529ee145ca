// `hwdocs diff` — placeholder until its module lands.
import type { Command } from '../args.ts';
export const diff: Command = {
  summary: 'Semantic diff of two OpenAPI documents (breaking / warning / info)',
  async run() {
    process.stderr.write('hwdocs diff: not implemented yet\n');
    return 2;
  },
};
