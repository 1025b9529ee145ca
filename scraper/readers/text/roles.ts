// What a caption says a table holds, through the vocabulary (scraper/vocab.ts CAPTION_ROLES) and the mirror fold.
import { CAPTION_ROLES } from '../../vocab.ts';
import { vocabKey } from './words.ts';

/** `请求Body参数` → 'requestBody'; captions naming a type or field → undefined. */
export function captionRole(caption: string): string | undefined {
  return CAPTION_ROLES[vocabKey(caption)]?.role;
}
