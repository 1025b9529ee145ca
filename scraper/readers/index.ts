// The reader registry: each file's form is detected from its content, never from its extension.
import type { Reader } from '../model.ts';
import { htmlReader } from './html.ts';
import { markdownReader } from './markdown.ts';
import { textReaders } from './text/index.ts';

export const readers: Reader[] = [htmlReader, markdownReader, ...textReaders];

const SURE = 0.9;

/** The reader most confident about `text`, or undefined when none recognises it. */
export function pickReader(text: string, file: string): Reader | undefined {
  let best: Reader | undefined;
  let bestScore = 0;
  for (const reader of readers) {
    const score = reader.detect(text, file);
    if (score > bestScore) [best, bestScore] = [reader, score];
    if (bestScore >= SURE) break; // the markup of the structured forms is unmistakable
  }
  return best;
}
