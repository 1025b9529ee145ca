// Readers for the flattened text forms (flat, percell, pipe). Registered in scraper/readers/index.ts.
import type { Reader } from '../../model.ts';
import { flatReader } from './flat.ts';
import { percellReader, pipeReader } from './lines.ts';

export const textReaders: Reader[] = [flatReader, percellReader, pipeReader];
