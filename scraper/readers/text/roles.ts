// What a caption says a table holds, through the vocabulary (scraper/vocab.ts CAPTION_ROLES) and the mirror fold.
import {
  CAPTION_ROLES,
  columnRole,
  GENERIC_CAPTIONS,
  normalizeWord,
  OBJECT_CAPTION_SUFFIXES,
  SECTION_HEADINGS,
} from '../../vocab.ts';
import { vocabKey, vocabularyWord } from './words.ts';

/** `请求Body参数` → 'requestBody'; captions naming a type or field → undefined. */
export function captionRole(caption: string): string | undefined {
  return CAPTION_ROLES[vocabKey(caption)]?.role;
}

const OBJECT_SUFFIXES = OBJECT_CAPTION_SUFFIXES.map(normalizeWord);

/** Whether the interpreter's vocabulary knows a caption as written: a table role, a generic caption, a `X参数说明`. */
function knownCaption(caption: string): boolean {
  const key = normalizeWord(caption);
  return CAPTION_ROLES[key] !== undefined || GENERIC_CAPTIONS.has(key) || OBJECT_SUFFIXES.some((s) => key.endsWith(s));
}

/** A caption as handed on: the mirror's `路徑參數(shù)` as `路径参数` (FORMATS.md §9.15), any other caption as written. */
export const captionWord = (caption: string): string => vocabularyWord(caption, knownCaption);

/** A header cell as handed on: `參數(shù)類型` as `参数类型`. */
export const headerWord = (header: string): string => vocabularyWord(header, (h) => columnRole(h) !== undefined);

/** A heading as handed on: `請求參數(shù)` as `请求参数`. */
export const headingWord = (heading: string): string =>
  vocabularyWord(heading, (h) => SECTION_HEADINGS[normalizeWord(h)] !== undefined);
