// Finding example code inside flattened text: where a JSON value starts and ends, the code-block line numbers
// that spill in front of it, and the field names an example uses (evidence for row segmentation and for gluing
// bullets of one operation together).

/** Index just past the JSON value that opens at `start` (`{` or `[`), or -1 when it never closes (excerpt cut). */
export function jsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/**
 * Code-block line numbers spilled in front of the code: `1 2 3 … 146 {` (FORMATS.md §9.9). A run of consecutive
 * integers from 1 that ends right before the code; returns the text with the run removed.
 */
export function stripLineNumbers(text: string): { text: string; stripped: number } {
  const m = text.match(/(?:^|\s)(1(?:\s+\d+)+)\s*$/);
  if (!m) return { text, stripped: 0 };
  const numbers = m[1]!.split(/\s+/).map(Number);
  const consecutive = numbers.every((n, i) => n === i + 1);
  if (!consecutive || numbers.length < 2) return { text, stripped: 0 };
  return { text: text.slice(0, text.length - m[0].length).trimEnd(), stripped: numbers.length };
}

/** Parses example text as JSON, tolerating nothing: undefined when it is not valid JSON. */
export function tryParseJson(code: string): unknown {
  try {
    return JSON.parse(code);
  } catch {
    return undefined;
  }
}

/** Keys of the objects a JSON value is, or holds directly in (nested) arrays: its top-level keys. */
function objectKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) objectKeys(item, keys);
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) keys.add(key);
  return keys;
}

/**
 * Keys and string values of example code, even when it is not valid JSON (placeholders, truncation): every
 * `"…"` literal. Used only as evidence (is this token a field name the page uses?), never as data.
 */
export function quotedWords(code: string): Set<string> {
  const words = new Set<string>();
  for (const m of code.matchAll(/"((?:[^"\\]|\\.){1,80})"/g)) words.add(m[1]!);
  return words;
}

/** Top-level keys of example code, by parsing when it is valid JSON and by `"key" :` scanning at depth 1 when not. */
export function topLevelKeys(code: string): Set<string> {
  const parsed = tryParseJson(code);
  if (parsed !== undefined) {
    return objectKeys(Array.isArray(parsed) ? parsed[0] : parsed);
  }
  const keys = new Set<string>();
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      if (end < 0) break;
      if (depth === 1 && /^\s*:/.test(code.slice(end + 1, end + 4))) keys.add(code.slice(i + 1, end));
      i = end;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return keys;
}
