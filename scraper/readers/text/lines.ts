// Readers for the two line-based text renderings of support and productsdesc pages (FORMATS.md §0):
//  - percell: every table cell on its own line (blank lines between), a description may take several lines,
//    list items as `  • x` lines; support pages drop the 是/否 cell (handled in tables.ts);
//  - pipe: cells end in ` |`, a `---|---|` line follows the header, cells may span lines, some cells are dropped.
// Both carry headings, `表N caption` lines, `状态码: 200` lines and JSON examples as lines; only table cells differ.

import type { DocExample, DocPage, Reader, SectionKind } from '../../model.ts';
import { collectEvidence } from './evidence.ts';
import { headerRun } from './flatSections.ts';
import { jsonEnd } from './json.ts';
import type { Token } from './rows.ts';
import { headingWord } from './roles.ts';
import { captionSubTables } from './subtables.ts';
import { finishSection, type RawSection, type RawTable, type Report } from './tables.ts';
import {
  CAPTION_LINE,
  headingKind,
  headingKindBySuffix,
  isChromeLine,
  REQUEST_LINE,
  SOURCE_LINK,
  statusPrefix,
  textColumnRole,
  withoutMetaLines,
} from './words.ts';
import { DETECTION } from './weights.ts';

type Form = 'percell' | 'pipe';

interface Line {
  text: string;
  /** Offset of the line in the page text (JSON examples are cut from the text, not from lines). */
  start: number;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    out.push({ text: raw.replace(/\r$/, ''), start });
    start += raw.length + 1;
  }
  return out;
}

const isHeading = (line: string): SectionKind | undefined => headingKind(line.trim());

/** The nearest non-blank line before `at`. */
function previousText(lines: Line[], at: number): string | undefined {
  for (let i = at - 1; i >= 0; i--) if (lines[i]!.text.trim()) return lines[i]!.text.trim();
  return undefined;
}

/**
 * A heading line, unless it is a cell of a header row: `错误码` after `HTTP状态码` (percell/003.txt) is a column,
 * not the 错误码 section.
 */
function headingAt(lines: Line[], at: number): SectionKind | undefined {
  const t = lines[at]!.text.trim();
  const kind = isHeading(t);
  if (!kind || !textColumnRole(t)) return kind;
  const prev = previousText(lines, at)?.replace(/\s*\|\s*$/, '');
  return prev && (textColumnRole(prev) || CAPTION_LINE.test(prev)) ? undefined : kind;
}
const isPipeLine = (line: string): boolean => /\|\s*$/.test(line) || /^\s*\|/.test(line);
const isSeparator = (cell: string): boolean => /^\s*:?-{3,}:?\s*$/.test(cell);

/** `应用与数据集成平台 ROMA CONNECT-绑定签名密钥:响应示例`: service, API name, chapter (productsdesc pages). */
const PRODUCTSDESC_TITLE = /^(.+?)-(.+)[:：]([^:：]+)$/;
/** `删除迁移项目 - DeleteMigproject`: title and API Explorer name (support pages). */
const TITLE_WITH_API = /^(.*\S)\s+-\s+([A-Z][A-Za-z0-9]+)$/;
/**
 * `納管節(jié)點AddNode` (the traditional-Chinese mirror, FORMATS.md §9.15): the API Explorer name glued to a CJK title.
 * Only a CamelCase name of two or more words (`AddNode`, `ListInstances`), so `获取用户Token` keeps its title.
 */
const TITLE_GLUED_API = /^(.*[\u3400-\u9fff\uf900-\ufaff])([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)$/;

interface Title {
  title: string;
  apiName?: string;
  /** Index of the first line after the title. */
  next: number;
  /** Section kind the title announces (`附录:API错误码`, productsdesc chapter). */
  kind?: SectionKind;
}

function findTitle(lines: Line[]): Title {
  const content = lines.map((l, i) => ({ t: l.text.trim(), i })).filter((x) => x.t && !isChromeLine(x.t));
  const firstHeading = content.findIndex((x) => headingAt(lines, x.i));
  const candidates = firstHeading < 0 ? content.slice(0, 1) : content.slice(0, firstHeading);
  const chosen = candidates[candidates.length - 1];
  if (!chosen) return { title: '', next: 0 };
  const productsdesc = chosen.t.match(PRODUCTSDESC_TITLE);
  // productsdesc pages: `服务名-API名:章节` followed by a `时间:` line (the chapter need not be a known heading).
  const timeLine = /^时间[:：]\d/.test(
    lines
      .slice(chosen.i + 1)
      .find((l) => l.text.trim())
      ?.text.trim() ?? '',
  );
  if (productsdesc && (isHeading(productsdesc[3]!) || timeLine)) {
    return { title: productsdesc[2]!.trim(), next: chosen.i + 1, kind: isHeading(productsdesc[3]!) };
  }
  const withApi = chosen.t.match(TITLE_WITH_API) ?? chosen.t.match(TITLE_GLUED_API);
  if (withApi) return { title: withApi[1]!, apiName: withApi[2]!, next: chosen.i + 1 };
  return { title: chosen.t, next: chosen.i + 1, kind: headingKindBySuffix(chosen.t) };
}

/** API name from a productsdesc page's bare source link: `support.huaweicloud.com/api-roma/AssociateSignatureKeyV2.html`. */
function apiNameFromLink(lines: Line[]): string | undefined {
  for (const l of lines) {
    const t = l.text.trim();
    if (SOURCE_LINK.test(t)) {
      const name = t
        .split('/')
        .pop()!
        .replace(/\.html?$/, '');
      if (/^[A-Z][A-Za-z0-9]+$/.test(name) && /[a-z]/.test(name)) return name;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Pipe tables: a region of lines is cut into cells at `|`; separator rows tell where a header ends.

interface PipeTable {
  header: string[];
  cells: string[];
}

/** Cells of a pipe region, with the separator rows turned into headers. Cells before the first header are returned as `lead`. */
function pipeTables(region: string): { lead: string[]; tables: PipeTable[] } {
  const leadingPipes = region.split('\n').some((l) => /^\s*\|\s*:?-{3,}/.test(l));
  const parts = region.split('|').map((p) => p.replace(/\s*\n\s*/g, '\n').trim());
  const cells: (string | { separator: number })[] = [];
  for (const p of parts) {
    if (isSeparator(p)) {
      const last = cells[cells.length - 1];
      if (last && typeof last === 'object') last.separator++;
      else cells.push({ separator: 1 });
    } else if (p || !leadingPipes) cells.push(p);
  }
  // The region starts and ends at a pipe: the empty strings outside the first and last `|` are not cells.
  while (cells.length && cells[0] === '') cells.shift();
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  const lead: string[] = [];
  const tables: PipeTable[] = [];
  for (const c of cells) {
    if (typeof c === 'object') {
      const body = tables.length ? tables[tables.length - 1]!.cells : lead;
      const header = body.splice(Math.max(0, body.length - c.separator), c.separator);
      tables.push({ header, cells: [] });
    } else (tables.length ? tables[tables.length - 1]!.cells : lead).push(c);
  }
  return { lead, tables };
}

// ---------------------------------------------------------------------------------------------------------------
// The page walk

function readLines(text: string, file: string, form: Form, report: Report): DocPage[] {
  const lines = splitLines(text);
  // The non-blank lines trimmed, and for each line its position among them (percell header runs, the line after a request line).
  const cells: { text: string }[] = [];
  const cellIndex = lines.map((l) => {
    const at = cells.length;
    if (l.text.trim()) cells.push({ text: l.text.trim() });
    return at;
  });
  const evidence = collectEvidence(text);
  const title = findTitle(lines);
  const sections: RawSection[] = [];
  let section: RawSection = { kind: title.kind ?? 'other', heading: '', paragraphs: [], rawTables: [], examples: [] };
  sections.push(section);
  let table: RawTable | undefined;
  let caption: { number: number; caption: string } | undefined;
  let status: string | undefined;
  let pending: string[] = [];

  const flush = (): void => {
    if (pending.length) section.paragraphs.push(...pending);
    pending = [];
  };
  const openSection = (kind: SectionKind, heading: string): void => {
    flush();
    section = { kind, heading, paragraphs: [], rawTables: [], examples: [] };
    sections.push(section);
    table = undefined;
    caption = undefined;
    status = undefined;
  };
  const openTable = (header: string[]): RawTable => {
    flush();
    const t: RawTable = {
      caption: caption?.caption ?? '',
      number: caption?.number,
      header,
      tokens: [],
      ...(status ? { status } : {}),
    };
    caption = undefined;
    section.rawTables.push(t);
    return t;
  };
  const isExampleSection = (): boolean => section.kind === 'requestExample' || section.kind === 'responseExample';

  for (let i = title.next; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (!t || isChromeLine(t) || SOURCE_LINK.test(t)) continue;
    const heading = headingAt(lines, i);
    if (heading) {
      openSection(heading, headingWord(t));
      continue;
    }
    const cap = t.match(CAPTION_LINE);
    if (cap && t.length < 80 && !(table && !/\S/.test(cap[2] ?? ''))) {
      flush();
      table = undefined;
      caption = { number: Number(cap[1]), caption: cap[2]!.trim() };
      continue;
    }
    const st = statusPrefix(t);
    if (st) {
      flush();
      table = undefined;
      status = st.status;
      const rest = t.slice(st.length).trim();
      if (rest) pending.push(rest);
      continue;
    }
    if (/^[{[]/.test(t)) {
      const from = line.start + line.text.indexOf(t[0]!);
      const end = jsonEnd(text, from);
      const stop = end < 0 ? text.length : end;
      if (end < 0)
        report({
          section: section.heading,
          reason: 'an example is cut short by the end of the excerpt',
          severity: 'warning',
        });
      const example = exampleOf(text.slice(from, stop).trim(), isExampleSection() ? pending : [], status);
      if (!isExampleSection()) flush();
      section.examples.push(example);
      pending = [];
      table = undefined;
      while (i + 1 < lines.length && lines[i + 1]!.start < stop) i++;
      continue;
    }
    if (form === 'pipe' && isPipeLine(t)) {
      // The region runs to the next structural line; lines without a pipe inside it are cells spanning lines.
      let j = i;
      while (j + 1 < lines.length) {
        const n = lines[j + 1]!.text.trim();
        if (headingAt(lines, j + 1) || statusPrefix(n) || (CAPTION_LINE.test(n) && n.length < 80) || /^[{[]/.test(n))
          break;
        j++;
      }
      while (j > i && !isPipeLine(lines[j]!.text.trim()) && lines[j]!.text.trim()) j--;
      const region = lines
        .slice(i, j + 1)
        .map((l) => l.text)
        .join('\n');
      const { lead, tables } = pipeTables(region);
      if (lead.length) {
        if (table) table.tokens.push(...lead.map((text) => ({ text })));
        else
          report({
            section: section.heading,
            reason: `pipe cells outside any table: '${lead.join(' | ').slice(0, 120)}'`,
            severity: 'warning',
          });
      }
      for (const pt of tables) {
        const raw = openTable(pt.header);
        raw.tokens.push(...pt.cells.map((text) => ({ text })));
        table = raw;
      }
      i = j;
      continue;
    }
    if (form === 'percell') {
      const header = headerRun(cells, cellIndex[i]!);
      const minimum = table ? 3 : 2;
      const opener = header.length ? textColumnRole(header[0]!) : undefined;
      if (header.length >= minimum && opener && ['name', 'status', 'method', 'code'].includes(opener)) {
        table = openTable(header);
        let taken = 1;
        while (taken < header.length) if (lines[++i]!.text.trim()) taken++;
        continue;
      }
      if (table) {
        const cell = percellToken(t, lines, i);
        table.tokens.push(cell.token);
        i = cell.last;
        continue;
      }
    }
    if (table && form === 'pipe') {
      pending.push(t);
      continue;
    }
    if (section.kind === 'requestExample' && REQUEST_LINE.test(t)) {
      // A request line with no body after it (`DELETE https://…/{id}`) is an example of its own.
      const next = cells[cellIndex[i]! + 1];
      if (!next || !/^[{[]/.test(next.text)) {
        section.examples.push({ code: t, ...(pending.length ? { title: pending.join('\n') } : {}) });
        pending = [];
        continue;
      }
    }
    pending.push(t);
  }
  flush();
  const layout = { mode: 'cells' as const, spanning: form === 'percell' };
  const finished = sections
    .filter((s) => s.heading || s.paragraphs.length || s.rawTables.length || s.examples.length)
    .map((s) => finishSection(s, layout, evidence, report));
  captionSubTables(finished, report);
  if (!finished.some((s) => s.tables.length || s.examples.length)) {
    report({ reason: 'no table or example found on the page', severity: 'warning' });
  }
  const apiName = title.apiName ?? apiNameFromLink(lines);
  return [{ file, form, title: title.title, ...(apiName ? { apiName } : {}), sections: finished }];
}

/** A percell cell: a line, or consecutive `• item` lines taken together as one list cell; `last` is its last line. */
function percellToken(first: string, lines: Line[], at: number): { token: Token; last: number } {
  if (!/^•/.test(first)) return { token: { text: first }, last: at };
  const items = [first.replace(/^•\s*/, '')];
  let i = at;
  while (i + 1 < lines.length) {
    const n = lines[i + 1]!.text.trim();
    if (!n) {
      i++;
      continue;
    }
    if (!/^•/.test(n)) break;
    items.push(n.replace(/^•\s*/, ''));
    i++;
  }
  // Blank lines after the list are skipped anyway; step back to the last item so the walk continues after it.
  while (i > at && !lines[i]!.text.trim()) i--;
  return { token: { text: items.join('\n'), listItems: items }, last: i };
}

/** An example from its code and the lines before it: `OK`, `鉴权失败`, a request line kept in front of the body. */
function exampleOf(json: string, before: string[], status: string | undefined): DocExample {
  const request = before.findIndex((l) => REQUEST_LINE.test(l));
  const titleLines = request >= 0 ? before.slice(0, request) : before;
  const code = request >= 0 ? `${before[request]}\n\n${json}` : json;
  const title = titleLines.join('\n').trim();
  return { code, ...(status ? { status } : {}), ...(title ? { title } : {}) };
}

function detectPercell(page: string): number {
  const text = withoutMetaLines(page);
  if (/ \|\s*$/m.test(text) || /<table|<html/i.test(text)) return DETECTION.otherForm;
  // A header row written one cell per line: three consecutive non-blank lines that are column words.
  let run = 0;
  for (const line of text.split(/\r?\n/)) {
    const l = line.trim();
    if (!l) continue;
    run = textColumnRole(l) ? run + 1 : 0;
    if (run === 3) return DETECTION.percell.headerOneCellPerLine;
  }
  if (/^[^\n]+-[^\n]+[:：][^\n]+\n+\s*时间[:：]\d/m.test(text)) return DETECTION.percell.productsdescTitle;
  if (/^表\d+\s*\S+\s*$/m.test(text) || /^(?:状态码|狀態碼)[:：]\s*\d{3}\s*$/m.test(text))
    return DETECTION.percell.captionOrStatusLine;
  return DETECTION.percell.nothing;
}

function detectPipe(page: string): number {
  const text = withoutMetaLines(page);
  const separators = (text.match(/^\|?\s*-{3,}\s*\|/gm) ?? []).length;
  const cellLines = (text.match(/ \|\s*$/gm) ?? []).length;
  if (/<table|^#{1,6} /m.test(text)) return DETECTION.otherForm;
  if (separators && cellLines >= 3) return DETECTION.pipe.separatorAndRows;
  return cellLines >= 3 ? DETECTION.pipe.rowsOnly : DETECTION.otherForm;
}

export const percellReader: Reader = {
  form: 'percell',
  detect: detectPercell,
  read: (text, file, report) => readLines(text, file, 'percell', report),
};

export const pipeReader: Reader = {
  form: 'pipe',
  detect: detectPipe,
  read: (text, file, report) => readLines(text, file, 'pipe', report),
};
