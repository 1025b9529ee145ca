// The name a page's title anchor gives its API. Newer doc-source pages anchor their `#` title with the API's
// identifier (modelarts 查询数据集详情.md: `# 查询数据集详情<a name="DescDataset"></a>`; mrs 查询所有标签.md:
// `ListAllTags`), older ones with a topic id (`ZH-CN_TOPIC_0000001081837255`, `modelarts_03_0201`), which names
// nothing. Read from the raw text: the readers keep anchors for tables, not for titles.

/**
 * PascalCase of two words or more (`DescDataset`, `SubmitJobV2`, `Show2`): an identifier, not a topic id. One
 * capitalised word, then an upper-case letter or digit, then anything alphanumeric: each character has one place
 * to go, so a long run of digits cannot be split many ways (it could in `(?:[A-Z][a-z0-9]*|\d+)+`).
 */
const API_IDENTIFIER = /^[A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*$/;

/** The longest title line read, in characters; a longer one names no API (real titles are under 100). */
export const MAX_TITLE_CHARS = 500;
/** The longest anchor name read, in characters (real ones are under 60). */
export const MAX_ANCHOR_NAME_CHARS = 200;

const TITLE_START = /^#[ \t]/m;
const ANCHOR_NAME = new RegExp(`<a\\s+name="([^"]{1,${MAX_ANCHOR_NAME_CHARS}})"`, 'gi');

/**
 * The API identifier anchored in the page's title (its first `#` line), if it carries one. Only that line: when it
 * is too long, a later `# …` line (a comment in a code block) is not taken instead.
 */
export function titleAnchorName(raw: string): string | undefined {
  const start = TITLE_START.exec(raw)?.index;
  if (start === undefined) return undefined;
  const end = raw.indexOf('\n', start);
  const title = raw.slice(start, end === -1 ? raw.length : end);
  if (title.length > MAX_TITLE_CHARS) return undefined;
  for (const anchor of title.matchAll(ANCHOR_NAME)) if (API_IDENTIFIER.test(anchor[1]!)) return anchor[1];
  return undefined;
}
