// What a reader of a raw page sees: tags stripped, entities decoded, markdown escapes undone. Shared by the page
// text (drift, op pages) and the page's table cells (page-rows.ts), read independently of the scraper.

import { unescapeMarkdown } from './paths.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** Tags become spaces (so `<p>a</p><p>b</p>` stays two words); whitespace is left for the caller to fold. */
export function plainText(html: string): string {
  return unescapeMarkdown(decodeEntities(html.replace(/<[^>]*>/g, ' ')));
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
