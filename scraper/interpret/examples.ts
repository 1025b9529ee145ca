// Example code blocks → JSON values, leniently (FORMATS.md §7, §9.9). Every repair and every failure is
// returned so the caller can report it; numbers beyond 2^53 stay exact (bigint).

import { parse as parseYaml } from 'yaml';
import { EXAMPLE_STATUS_PREFIX } from '../vocab.ts';
import { readRequestLine } from './uri.ts';

export interface ParsedExample {
  value?: unknown;
  /** The JSON text that was parsed (after the method/URL line and HTTP headers were cut off). */
  text: string;
  repairs: string[];
  error?: string;
  /** `POST https://{endpoint}/v2/…` line before the body, when any. */
  requestLine?: string;
}

/**
 * A line without its `//` comment, whole-line or after a value (`"timerange": "-1.-1.5",// 最近5分钟`,
 * zh-md/aom/查询监控数据（即将下线）.md); `//` inside a string (`"http://…"`) is kept.
 */
export function withoutLineComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString && c === '\\') i++;
    else if (c === '"') inString = !inString;
    else if (!inString && c === '/' && line[i + 1] === '/') return line.slice(0, i).trimEnd();
  }
  return line;
}

/** Repairs tried one after another when strict JSON fails; each is named in the report. */
const REPAIRS: [string, (text: string) => string][] = [
  [
    'removed comments',
    (t) =>
      t
        .split('\n')
        .map(withoutLineComment)
        .join('\n')
        .replace(/\/\*[\s\S]*?\*\//g, ''),
  ],
  ['removed trailing commas', (t) => t.replace(/,(\s*[}\]])/g, '$1')],
  ['unescaped doubly escaped quotes', (t) => t.replace(/\\\\\\"/g, '\\"')],
  ['quoted placeholder values', (t) => t.replace(/:\s*(X{2,}|x{2,}|\.\.\.|…)(\s*[,}\]])/g, ': "$1"$2')],
  ['removed ellipsis lines', (t) => t.replace(/^\s*(?:\.\.\.|…)\s*,?\s*$/gm, '').replace(/,(\s*[}\]])/g, '$1')],
  ['replaced curly quotes', (t) => t.replace(/[“”]/g, '"')],
  // A value ending one line and a `"key":` opening the next with no comma between (zh-md/dli/查询指定资源包.md:
  // `"underlying_name": "luxor-router-1.1.1.jar"` then `"owner": "user1"`). JSON strings hold no raw line break,
  // so a line ending in a quote, a number, a literal or a closing bracket ends a value.
  [
    'inserted missing commas between lines',
    (t) => t.replace(/(["\d}\]]|\btrue|\bfalse|\bnull)([ \t]*\r?\n\s*"[^"\n]*"\s*:)/g, '$1,$2'),
  ],
  // `{ … },\n{ … }`: the elements of a list without its brackets (zh-md/dli/批量删除作业.md, a list response).
  ['wrapped a sequence of objects in a list', (t) => (isObjectSequence(t) ? `[${t}]` : t)],
];

/**
 * Whether the text is two or more `{…}` objects separated only by commas at the top level (strings skipped), so that
 * wrapping it in brackets makes it a list: a bracket-less list, not one malformed object.
 */
export function isObjectSequence(text: string): boolean {
  let depth = 0;
  let objects = 0;
  let inString = false;
  let afterObject = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 0) {
      if (/\s/.test(c)) continue;
      if (c === ',' && afterObject) {
        afterObject = false;
        continue;
      }
      if (c !== '{' || afterObject) return false;
    }
    if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth < 0) return false;
      if (depth === 0) {
        objects++;
        afterObject = true;
      }
    }
  }
  return depth === 0 && afterObject && objects >= 2;
}

const BIG_INT = /(?<![\w."])-?\d{16,}(?![\w."])/;

function strictParse(text: string): unknown {
  if (BIG_INT.test(text)) {
    // YAML's JSON-compatible core schema can hand us bigints; JSON.parse would round them.
    const value = parseYaml(text, { intAsBigInt: true, schema: 'core' }) as unknown;
    return narrowBigInts(value);
  }
  return JSON.parse(text);
}

/** bigint → number wherever the number is safe, so only the truly big ones stay bigint. */
function narrowBigInts(value: unknown): unknown {
  if (typeof value === 'bigint')
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(narrowBigInts);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, narrowBigInts(v)]));
  return value;
}

/** A status line glued to the body's opening bracket. */
const GLUED_STATUS_BODY = new RegExp(`${EXAMPLE_STATUS_PREFIX.source}\\s*[{[]`, 'i');

/** The code block's request line (`POST /v1/x`), read as the URI section's is (uri.ts). */
function requestLineOf(code: string): string | undefined {
  return code
    .split('\n')
    .find((line) => readRequestLine(line))
    ?.trim();
}

/** Cuts what precedes the JSON body: a request line, HTTP headers, line numbers spilled from code blocks. */
function bodyText(code: string): { text: string; requestLine?: string } {
  const requestLine = requestLineOf(code);
  // A status line glued to the body (`HttpStatusCode: 200{`, zh-md/ges/查询元数据列表(1-0-2).md): the body opens there,
  // not at the first line that starts with a brace (a nested object further down).
  const glued = code.match(GLUED_STATUS_BODY);
  if (glued) return { text: code.slice(glued.index! + glued[0].length - 1).trim(), requestLine };
  const start = code.search(/^\s*[{[]/m);
  if (start < 0) {
    const inline = code.search(/[{[]\s*"/);
    return { text: inline >= 0 ? code.slice(inline).trim() : '', requestLine };
  }
  return { text: code.slice(start).trim(), requestLine };
}

/**
 * Deepest nesting of arrays and objects an example may have. Real examples stay below 15; a deeper one is a broken
 * or hostile page, and everything downstream (schemas, validators, the YAML writer) walks values recursively.
 */
export const MAX_EXAMPLE_DEPTH = 64;

/** Nesting depth of the brackets in a JSON text, counted without parsing (strings skipped); stops past `limit`. */
export function bracketDepth(text: string, limit = MAX_EXAMPLE_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      deepest = Math.max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

export function parseExample(code: string): ParsedExample {
  const { text, requestLine } = bodyText(code);
  const base = { text, repairs: [] as string[], ...(requestLine ? { requestLine } : {}) };
  if (!text) return { ...base, error: 'no JSON body' };
  if (bracketDepth(text) > MAX_EXAMPLE_DEPTH)
    return { ...base, error: `nested deeper than ${MAX_EXAMPLE_DEPTH} levels (limit MAX_EXAMPLE_DEPTH)` };
  try {
    return { ...base, value: strictParse(text) };
  } catch (err) {
    let repaired = text;
    const repairs: string[] = [];
    for (const [name, fix] of REPAIRS) {
      const next = fix(repaired);
      if (next === repaired) continue;
      repaired = next;
      repairs.push(name);
      try {
        return { ...base, text: repaired, value: strictParse(repaired), repairs };
      } catch {
        // keep repairing
      }
    }
    return { ...base, repairs, error: (err as Error).message.split('\n')[0] };
  }
}

/** Every `error_code` / `error.code` / `code` value that looks like `APIG.2012`, in order. */
export function errorCodesIn(value: unknown): string[] {
  const codes: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [key, inner] of Object.entries(v)) {
        if (/^(error_?code|code|errorCode)$/i.test(key) && typeof inner === 'string' && ERROR_CODE.test(inner))
          codes.push(inner);
        else walk(inner);
      }
    }
  };
  walk(value);
  return codes;
}

export const ERROR_CODE = /^[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\.\d+$/;
