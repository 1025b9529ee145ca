// Finds the links of a page (DITA topics and TOC pages link to each other with plain <a href>).
import { Parser } from 'htmlparser2';
import { normalizeUrl } from './urls.ts';

const NOT_A_PAGE_LINK = /^(javascript|mailto|tel|data):/i;

/** Absolute, de-duplicated link targets in document order (fragments dropped, `<base href>` honoured). */
export function extractLinks(html: string, pageUrl: string): string[] {
  // One streaming pass over the tags (htmlparser2, which the readers use too; no DOM is built): the first
  // <base href> applies to every link, also to those before it, as in a browser.
  let baseHref: string | undefined;
  const hrefs: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const href = attributes.href;
        if (href === undefined) return;
        if (name === 'base') baseHref ??= href;
        else if (name === 'a' || name === 'area') hrefs.push(href);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const base = (baseHref && normalizeUrl(baseHref, pageUrl)) || pageUrl;
  const links: string[] = [];
  const seen = new Set<string>();
  for (const raw of hrefs) {
    const href = raw.trim();
    if (!href || href.startsWith('#') || NOT_A_PAGE_LINK.test(href)) continue;
    const absolute = normalizeUrl(href, base);
    if (absolute && !seen.has(absolute)) {
      seen.add(absolute);
      links.push(absolute);
    }
  }
  return links;
}

/** Only HTML is parsed for links; a missing Content-Type is given the benefit of the doubt. */
export function isHtmlContentType(contentType: string | undefined): boolean {
  return !contentType || /\b(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}
