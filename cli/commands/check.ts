// `hwdocs check` — placeholder until its module lands.
import type { Command } from '../args.ts';
export const check: Command = {
  summary: 'Rebuild into a temporary folder and fail when committed files drifted',
  async run() {
    process.stderr.write('hwdocs check: not implemented yet\n');
    return 2;
  },
};
