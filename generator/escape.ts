// Escaping of document text that ends up inside generated code, JSDoc, JSON or Markdown. Descriptions come from
// scraped manuals and must never be able to close a comment, a string or a template and inject code.

/** A JavaScript string literal for any text: JSON quoting plus the two line terminators JSON leaves raw. */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Normalises text for a block comment: every line terminator JavaScript knows (CR, LF, CRLF, U+2028, U+2029)
 * becomes a plain line break, `*\/` can no longer close the comment, and trailing blanks go.
 */
export function commentLines(text: string): string[] {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\*\//g, '*\\/')
      // `@` at the start of a line would start a JSDoc tag; a zero-width-free escape keeps the text readable.
      .split('\n')
      .map((line) => line.replace(/\s+$/, '').replace(/^(\s*)@/, '$1\\@'))
  );
}

/** A JSDoc block (with leading `/**` and trailing `*\/`) from already-composed lines; empty input gives ''. */
export function jsDoc(lines: readonly string[]): string {
  const body = lines.flatMap((line) => commentLines(line));
  while (body.length && body[body.length - 1] === '') body.pop();
  if (!body.length) return '';
  return ['/**', ...body.map((line) => (line ? ` * ${line}` : ' *')), ' */'].join('\n');
}

/** Inline Markdown text: no HTML entities, but characters that Markdown or HTML would interpret are backslashed. */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, ' ')
    .replace(/\n/g, ' ')
    .replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');
}

/** Inline Markdown code span that survives backticks in the text (CommonMark: use a longer fence). */
export function markdownCode(text: string): string {
  const flat = text.replace(/\r\n?|[\n\u2028\u2029]/g, ' ');
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A URL for a Markdown link target: only http(s) is allowed so a `javascript:` link cannot sneak in. */
export function markdownUrl(url: string): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  return encodeURI(decodeURISafe(url)).replace(/[()<>]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function decodeURISafe(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** A JSON Pointer segment (RFC 6901): `~` → `~0`, `/` → `~1`. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The key a JSON Pointer segment names: `~1` → `/`, then `~0` → `~` (the inverse of pointerSegment). */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
