// Finds the links of a page (DITA topics and TOC pages link to each other with plain <a href>).
import * as cheerio from 'cheerio';
import { normalizeUrl } from './urls.ts';

const NOT_A_PAGE_LINK = /^(javascript|mailto|tel|data):/i;

/** Absolute, de-duplicated link targets in document order (fragments dropped, `<base href>` honoured). */
export function extractLinks(html: string, pageUrl: string): string[] {
  const $ = cheerio.load(html);
  const baseHref = $('base[href]').first().attr('href');
  const base = (baseHref && normalizeUrl(baseHref, pageUrl)) || pageUrl;
  const links: string[] = [];
  const seen = new Set<string>();
  $('a[href], area[href]').each((_, element) => {
    const href = ($(element).attr('href') ?? '').trim();
    if (!href || href.startsWith('#') || NOT_A_PAGE_LINK.test(href)) return;
    const absolute = normalizeUrl(href, base);
    if (absolute && !seen.has(absolute)) {
      seen.add(absolute);
      links.push(absolute);
    }
  });
  return links;
}

/** Only HTML is parsed for links; a missing Content-Type is given the benefit of the doubt. */
export function isHtmlContentType(contentType: string | undefined): boolean {
  return !contentType || /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}
