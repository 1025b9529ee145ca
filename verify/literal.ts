// A JSON value written as a TypeScript expression, with the text span of every value (and of every property, key
// included) so that a compiler diagnostic at some offset can be named by the JSON Pointer of what it is about.
import { pointerSegment } from '../generator/escape.ts';

export interface Span {
  start: number;
  end: number;
  pointer: string;
}

export interface Literal {
  text: string;
  spans: Span[];
}

/** `value` as TS source; spans are relative to the start of `text`. Depth is bounded: deeper values are `null`. */
export function toLiteral(value: unknown, maxDepth = 64): Literal {
  const parts: string[] = [];
  const spans: Span[] = [];
  let length = 0;
  const write = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const visit = (v: unknown, pointer: string, depth: number) => {
    const start = length;
    if (depth > maxDepth || v === undefined) write('null');
    else if (typeof v === 'bigint') write(String(v));
    else if (typeof v === 'number') write(Number.isFinite(v) ? String(v) : 'null');
    else if (typeof v === 'string' || typeof v === 'boolean' || v === null) write(JSON.stringify(v));
    else if (Array.isArray(v)) {
      write('[');
      v.forEach((item, i) => {
        if (i) write(', ');
        visit(item, `${pointer}/${i}`, depth + 1);
      });
      write(']');
    } else if (typeof v === 'object') {
      write('{');
      Object.entries(v as Record<string, unknown>).forEach(([key, item], i) => {
        if (i) write(', ');
        const propertyStart = length;
        const child = `${pointer}/${pointerSegment(key)}`;
        write(`${JSON.stringify(key)}: `);
        visit(item, child, depth + 1);
        spans.push({ start: propertyStart, end: length, pointer: child });
      });
      write('}');
    } else write('null');
    spans.push({ start, end: length, pointer });
  };
  visit(value, '', 0);
  return { text: parts.join(''), spans };
}

/** The pointer of the innermost span containing `offset` (`''`, the whole value, when none does). */
export function pointerAt(spans: Span[], offset: number): string {
  let best: Span | undefined;
  for (const span of spans) {
    if (offset < span.start || offset >= span.end) continue;
    if (!best || span.end - span.start < best.end - best.start) best = span;
  }
  return best?.pointer ?? '';
}
