// Page-wide evidence for row segmentation, collected from the raw text before any table is cut into rows:
// the field names the page's example JSON uses and the type names its captions declare. A row start whose name
// the examples use, or whose `Array of X objects` names a caption of the page, is more likely a real row.

import type { Evidence } from './rows.ts';
import { quotedWords } from './json.ts';

/** `"key" :` anywhere in the text (valid JSON or not, escaped inner JSON included): names the examples use. */
const JSON_KEY = /\\?"([A-Za-z_$@][\w.$@:-]{0,80})\\?"\s*:/g;
/** `表5 GroupTreeResponse` followed by a space or line end: a caption that names a type. */
const TYPE_CAPTION = /(?:^|[\s])表\s*\d+\s+([A-Za-z_][\w]*)(?=\s|$)/gm;

export function collectEvidence(text: string): Evidence {
  const exampleKeys = new Set<string>();
  for (const m of text.matchAll(JSON_KEY)) exampleKeys.add(m[1]!);
  const typeNames = new Set<string>();
  for (const m of text.matchAll(TYPE_CAPTION)) typeNames.add(m[1]!);
  return { exampleKeys, exampleWords: quotedWords(text), typeNames };
}
