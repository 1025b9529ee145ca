// The corpus's services.json, read in one place for the accuracy harness, the benchmarks and the corpus scripts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One entry of services.json: the pages folder and the API Explorer (truth) folder, both corpus-relative. */
export interface CorpusService {
  service: string;
  pages: string;
  truth: string;
}

/** Every service the corpus lists, in its order; a malformed entry is an error, not a silent skip. */
export function corpusServices(corpus: string): CorpusService[] {
  const json = JSON.parse(readFileSync(join(corpus, 'services.json'), 'utf8')) as { services?: unknown };
  if (!Array.isArray(json.services)) throw new Error('services.json: no "services" list');
  return json.services.map((entry: Partial<CorpusService>, i: number) => {
    if (typeof entry.service !== 'string' || typeof entry.pages !== 'string' || typeof entry.truth !== 'string') {
      throw new Error(`services.json: entry ${i} lacks service/pages/truth`);
    }
    return { service: entry.service, pages: entry.pages, truth: entry.truth };
  });
}
