// Flat text (FORMATS.md §0, §2, §7): one bullet is one section of an API page with every table cell run together
// on one line. This module reads one bullet into sections: the heading word, `状态码: 200` lines, `表N caption`
// + header words that open tables, JSON examples, and the words in between (table bodies or paragraphs).

import type { DocExample, SectionKind } from '../../model.ts';
import { jsonEnd, stripLineNumbers, tryParseJson } from './json.ts';
import { headingWord } from './roles.ts';
import type { RawSection, RawTable } from './tables.ts';
import {
  CAPTION_MARK,
  foldTraditional,
  headingKind,
  headingKindBySuffix,
  HTTP_METHODS,
  textColumnRole,
  UNNUMBERED_CAPTION_ENDINGS,
} from './words.ts';
import type { ColumnRole } from '../../vocab.ts';

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** Roles that can open a row: a header must start with one of them. */
const ROW_OPENERS: ReadonlySet<ColumnRole> = new Set(['name', 'status', 'method', 'code']);

const AFTER_DESCRIPTION_NEVER: ReadonlySet<ColumnRole> = new Set(['name', 'message', 'type', 'status', 'code']);

/** The header words starting at `at`: a run of column words with no role repeated. */
export function headerRun(ws: { text: string }[], at: number): string[] {
  const header: string[] = [];
  const seen = new Set<ColumnRole>();
  for (let i = at; i < ws.length && header.length < 8; i++) {
    const role = textColumnRole(ws[i]!.text);
    // `状态码 描述 说明` (flat/032.txt) names two description columns; other roles appear once.
    if (!role || (seen.has(role) && role !== 'ignored' && role !== 'description')) break;
    // After the description column only trailing columns follow (处理措施, 是否必选, 默认值…): a `message` or
    // `name` word there is the first row's name cell (`参数 类型 说明 message`, percell/015.txt).
    if (seen.has('description') && AFTER_DESCRIPTION_NEVER.has(role)) break;
    seen.add(role);
    header.push(ws[i]!.text);
  }
  return header;
}

function validHeader(header: string[], minimum: number): boolean {
  if (header.length < minimum) return false;
  const first = textColumnRole(header[0]!);
  return !!first && ROW_OPENERS.has(first);
}

interface TableStart {
  caption: string;
  number?: number;
  header: string[];
  /** Words taken by mark, caption and header. */
  length: number;
}

const MAX_CAPTION_WORDS = 6;

/** `表4 响应Body参数 参数 参数类型 描述`, `表5 GroupTreeResponse 参数 …`, `表3 参数说明 参数 说明 …`. */
function numberedTableAt(ws: Word[], at: number): TableStart | undefined {
  const mark = ws[at]!.text.match(CAPTION_MARK);
  if (!mark) return undefined;
  for (const captionWords of [...Array.from({ length: MAX_CAPTION_WORDS }, (_, i) => i + 1), 0]) {
    const headerAt = at + 1 + captionWords;
    const header = headerRun(ws, headerAt);
    if (validHeader(header, 2)) {
      const caption = ws
        .slice(at + 1, headerAt)
        .map((w) => w.text)
        .join(' ');
      return { caption, number: Number(mark[1]), header, length: 1 + captionWords + header.length };
    }
  }
  return undefined;
}

/** A header with no `表N` mark: `状态码 错误码 错误信息 描述 处理措施`, `参数 类型 描述`. */
function bareTableAt(ws: Word[], at: number, atSectionStart: boolean): TableStart | undefined {
  const header = headerRun(ws, at);
  if (!validHeader(header, atSectionStart ? 2 : 3)) return undefined;
  return { caption: '', header, length: header.length };
}

function isUnnumberedCaption(word: string): boolean {
  return (
    UNNUMBERED_CAPTION_ENDINGS.some((e) => word.endsWith(e) && word.length > e.length) && !/[。.,，;；:：]$/.test(word)
  );
}

/** Status phrases over up to three words, matched whole: `状态码: 200`, `状态码:200`, `状态码为 200 时:`, `Status code: 200`. */
const STATUS_WORDS = [/^(?:返回)?状态码为?[:：]?([1-5]\d\d)时?[:：]?$/, /^status code[:：] ?([1-5]\d\d)$/i];
/** One word that carries the status and then text: `返回状态码为201:创建成功信息。` (percell/011.txt). */
const STATUS_GLUED = /^(?:返回)?状态码为?[:：]?([1-5]\d\d)[:：](.+)$/;

function statusAt(ws: Word[], at: number): { status: string; length: number; rest?: string } | undefined {
  if (!/^(?:返回)?状态码|^status$/i.test(foldTraditional(ws[at]!.text))) return undefined;
  // Longest first: `状态码为 200 时:` is one phrase, not `状态码为 200` and a stray `时:`.
  for (let n = Math.min(3, ws.length - at); n >= 1; n--) {
    const part = ws.slice(at, at + n).map((w) => foldTraditional(w.text));
    for (const joined of [part.join(''), part.join(' ')]) {
      const m = STATUS_WORDS.map((p) => joined.match(p)).find(Boolean);
      if (m) return { status: m[1]!, length: n };
    }
  }
  const glued = foldTraditional(ws[at]!.text).match(STATUS_GLUED);
  // The rest is cut from the word as written (the fold keeps lengths), so cell text is never folded.
  return glued
    ? { status: glued[1]!, length: 1, rest: ws[at]!.text.slice(ws[at]!.text.length - glued[2]!.length) }
    : undefined;
}

/** A JSON example starting at a word: it must close and look like data (a quoted key, or empty braces). */
function jsonAt(text: string, w: Word): number {
  if (w.text[0] !== '{' && w.text[0] !== '[') return -1;
  const end = jsonEnd(text, w.start);
  if (end < 0) {
    // The excerpt cut the example: take the rest when it clearly is JSON.
    return /^[{[]\s*"/.test(text.slice(w.start, w.start + 20)) ? text.length : -1;
  }
  const code = text.slice(w.start, end);
  if (tryParseJson(code) !== undefined && /[{[]/.test(code)) return end;
  return /"\s*:/.test(code) ? end : -1;
}

export interface FlatFindings {
  warn(reason: string, section?: string): void;
}

/** Reads one bullet (or line) of flat text into one or more sections. */
export function readFlatChunk(text: string, findings: FlatFindings): RawSection[] {
  const ws = words(text);
  const sections: RawSection[] = [];
  if (ws.length === 0) return sections;

  let section: RawSection = { kind: 'other', heading: '', paragraphs: [], rawTables: [], examples: [] };
  let table: RawTable | undefined;
  let pending: Word[] = [];
  let status: string | undefined;
  let statusUsed = false;

  const open = (kind: SectionKind, heading: string): void => {
    section = { kind, heading, paragraphs: [], rawTables: [], examples: [] };
    sections.push(section);
    table = undefined;
    pending = [];
    status = undefined;
  };
  const flushPending = (): void => {
    // `DELETE /v1/{project_id}/… 参数说明见表1。`: the request line of a URI section is a paragraph of its own.
    if (
      section.kind === 'uri' &&
      pending.length > 2 &&
      HTTP_METHODS.has(pending[0]!.text) &&
      pending[1]!.text.startsWith('/')
    ) {
      section.paragraphs.push(`${pending[0]!.text} ${pending[1]!.text}`);
      pending = pending.slice(2);
    }
    if (pending.length) section.paragraphs.push(pending.map((w) => w.text).join(' '));
    pending = [];
  };

  // The heading is the first word; a word ending in a heading (`服务集成API错误码`) counts too.
  const first = ws[0]!.text;
  const kind = headingKind(first) ?? headingKindBySuffix(first);
  open(kind ?? 'other', kind ? headingWord(first) : '');
  let i = kind ? 1 : 0;

  for (; i < ws.length; i++) {
    const w = ws[i]!;
    // A heading word in the middle of a bullet starts a new section when a table or status follows it.
    const midKind = i > 0 ? headingKind(w.text) : undefined;
    if (midKind && i + 1 < ws.length && (CAPTION_MARK.test(ws[i + 1]!.text) || statusAt(ws, i + 1))) {
      flushPending();
      open(midKind, headingWord(w.text));
      continue;
    }
    const st = statusAt(ws, i);
    if (st) {
      flushPending();
      table = undefined;
      if (status && !statusUsed) section.paragraphs.push(`状态码: ${status}`);
      status = st.status;
      statusUsed = false;
      if (st.rest) pending.push({ text: st.rest, start: w.end - st.rest.length, end: w.end });
      i += st.length - 1;
      continue;
    }
    const start =
      numberedTableAt(ws, i) ??
      (table ? undefined : bareTableAt(ws, i, pending.length === 0 && section.rawTables.length === 0));
    const bare = !start && table ? bareTableAt(ws, i, false) : undefined;
    const found = start ?? bare;
    if (found) {
      let caption = found.caption;
      // `data出参 参数 类型 描述`: an unnumbered caption is the word right before the header.
      if (found.number === undefined) {
        const before = table ? table.tokens[table.tokens.length - 1] : pending[pending.length - 1];
        if (before && isUnnumberedCaption(before.text)) {
          caption = before.text;
          if (table) table.tokens.pop();
          else pending.pop();
        }
      }
      flushPending();
      table = { caption, number: found.number, header: found.header, tokens: [], ...(status ? { status } : {}) };
      statusUsed = statusUsed || !!status;
      section.rawTables.push(table);
      i += found.length - 1;
      continue;
    }
    const jsonStop = table && !/(?:样例|示例|如下)[:：]?$/.test(ws[i - 1]?.text ?? '') ? -1 : jsonAt(text, w);
    if (jsonStop > 0 && table) {
      // `… 响应消息样例: { … }` (old style, flat/008.txt): the label closes the table, it is not a description word.
      const label = table.tokens.pop()!;
      pending = [{ text: label.text, start: w.start, end: w.start }];
    }
    if (jsonStop > 0) {
      // Only example sections give the words before the code to the example (its title); elsewhere they are text.
      const isExampleSection = section.kind === 'requestExample' || section.kind === 'responseExample';
      if (!isExampleSection) flushPending();
      section.examples.push(exampleFrom(text.slice(w.start, jsonStop), pending, status, section, findings));
      pending = [];
      statusUsed = true;
      table = undefined;
      while (i + 1 < ws.length && ws[i + 1]!.start < jsonStop) i++;
      continue;
    }
    if (/^父主题[:：]/.test(w.text)) {
      // Page chrome after the last table: `父主题: 错误码`.
      table = undefined;
      i = ws.length;
      continue;
    }
    if (table) table.tokens.push({ text: w.text });
    else pending.push(w);
  }
  // A request example may be just a request line (`DELETE https://…/{id}`) with no body.
  if (section.kind === 'requestExample' && pending.some((w) => HTTP_METHODS.has(w.text))) {
    const example = requestLineExample(pending);
    if (example) {
      section.examples.push(example);
      pending = [];
    }
  }
  flushPending();
  return sections;
}

function requestLineExample(pending: Word[]): DocExample | undefined {
  const at = pending.findIndex((w) => HTTP_METHODS.has(w.text));
  if (at < 0 || at + 1 >= pending.length) return undefined;
  const title = pending
    .slice(0, at)
    .map((w) => w.text)
    .join(' ');
  const code = pending
    .slice(at)
    .map((w) => w.text)
    .join(' ');
  return { code, ...(title ? { title } : {}) };
}

/**
 * An example from the JSON text and the words before it: the status given by the last `状态码:` line, the free text
 * after it as title (`OK`, `Bad Request`, `查询成功。`), a request line (`POST https://…`) kept in front of the body
 * as code blocks carry it, spilled code-block line numbers dropped, and `HTTP/1.1 200 OK …` headers read for the status.
 */
function exampleFrom(
  json: string,
  before: Word[],
  status: string | undefined,
  section: RawSection,
  findings: FlatFindings,
): DocExample {
  let words = before.map((w) => w.text);
  const stripped = stripLineNumbers(words.join(' '));
  if (stripped.stripped) {
    words = stripped.text ? stripped.text.split(' ') : [];
    findings.warn(`code-block line numbers 1…${stripped.stripped} spilled into the text were dropped`, section.heading);
  }
  let requestLine = '';
  const method = words.findIndex((w, i) => HTTP_METHODS.has(w) && /^(https?:\/\/|\/)/.test(words[i + 1] ?? ''));
  if (method >= 0) {
    requestLine = words.slice(method, method + 2).join(' ');
    const after = words.slice(method + 2);
    words = words.slice(0, method);
    if (after.length) section.paragraphs.push(after.join(' '));
  }
  let exampleStatus = status;
  const http = words.findIndex((w) => /^HTTP\/\d(?:\.\d)?$/.test(w));
  if (http >= 0 && /^[1-5]\d\d$/.test(words[http + 1] ?? '')) {
    exampleStatus ??= words[http + 1];
    const headers = words.slice(http).join(' ');
    section.paragraphs.push(headers);
    const reason = words.slice(http + 2).findIndex((w) => /:$/.test(w));
    const phrase = words.slice(http + 2, reason < 0 ? undefined : http + 2 + reason);
    words = [...words.slice(0, http), ...phrase];
  }
  const title = words.join(' ').trim();
  const code = requestLine ? `${requestLine}\n\n${json}` : json;
  if (jsonEnd(json, 0) < 0) findings.warn('an example is cut short by the end of the excerpt', section.heading);
  return { code, ...(exampleStatus ? { status: exampleStatus } : {}), ...(title ? { title } : {}) };
}
