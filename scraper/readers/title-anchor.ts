// The name a page's title anchor gives its API. Newer doc-source pages anchor their `#` title with the API's
// identifier (modelarts 查询数据集详情.md: `# 查询数据集详情<a name="DescDataset"></a>`; mrs 查询所有标签.md:
// `ListAllTags`), older ones with a topic id (`ZH-CN_TOPIC_0000001081837255`, `modelarts_03_0201`), which names
// nothing. Read from the raw text: the readers keep anchors for tables, not for titles.

/** PascalCase of two words or more (`DescDataset`, `SubmitJobV2`): an identifier, not a topic id. */
const API_IDENTIFIER = /^[A-Z][a-z]+(?:[A-Z][a-z0-9]*|\d+)+$/;

/** The API identifier anchored in the first `#` title line of a markdown page, if it carries one. */
export function titleAnchorName(raw: string): string | undefined {
  const title = /^#[ \t]+([^\n]{0,500})$/m.exec(raw)?.[1];
  if (!title) return undefined;
  for (const anchor of title.matchAll(/<a\s+name="([^"]{1,200})"/gi))
    if (API_IDENTIFIER.test(anchor[1]!)) return anchor[1];
  return undefined;
}
