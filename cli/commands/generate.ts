// `hwdocs generate` — placeholder until its module lands.
import type { Command } from '../args.ts';
export const generate: Command = {
  summary: 'Generate a typed TypeScript client package from an OpenAPI document',
  async run() {
    process.stderr.write('hwdocs generate: not implemented yet\n');
    return 2;
  },
};
