// What a page's own tables say about a field, read from the raw page independently of the scraper: the 是/否 cell
// and the type cell of every row named after the field. Used to tell apart "the scraper misread the page" from
// "the page and the (newer) definition disagree": a mismatch where the page unanimously states exactly what the
// scraper wrote is documentation drift, reported apart from the agreement rate.

import type { FieldType } from './model.ts';
import { plainText } from './text.ts';

export interface RowFacts {
  flags: Set<boolean>;
  types: Set<FieldType>;
  /** The other cells of every row named after the field, as plain text: where a page states a constraint. */
  texts: string[];
}

export type PageRows = Map<string, RowFacts>;

/** Type words as written in type cells → the harness's field types (an independent, deliberately small table). */
const TYPE_WORDS: [RegExp, FieldType][] = [
  [/^(array|list|json ?array)\b|数组$|^\[\]|^array\s*of|^array</i, 'array'],
  [/^(string|str|timestamp|time|date|file)$/i, 'string'],
  [/^(integer|int|int32|int64|long|short)$/i, 'integer'],
  [/^(number|float|double|decimal)$/i, 'number'],
  [/^(boolean|bool)$/i, 'boolean'],
  [/^(object|dict|map|json|字典(数据)?类型|.*\bobject)$|^map\s*</i, 'object'],
];

function typeOfCell(cell: string): FieldType | undefined {
  const text = cell.trim();
  return TYPE_WORDS.find(([pattern]) => pattern.test(text))?.[1];
}

function flagOfCell(cell: string): boolean | undefined {
  const text = cell.trim();
  if (/^(是|yes|必选|true)$/i.test(text)) return true;
  if (/^(否|no|可选|false)$/i.test(text)) return false;
  return undefined;
}

function cellText(html: string): string {
  return plainText(html).replace(/\s+/g, ' ').trim();
}

/** The facts gathered so far about `name`, created empty on first sight. */
function factsOf(rows: PageRows, name: string): RowFacts {
  let facts = rows.get(name);
  if (!facts) rows.set(name, (facts = { flags: new Set<boolean>(), types: new Set<FieldType>(), texts: [] }));
  return facts;
}

/** One row's cells: the first names the field, the rest are read for a 是/否 flag, a type word and free text. */
function addRow(rows: PageRows, cells: string[]): void {
  const [name, ...rest] = cells;
  if (!name) return;
  const facts = factsOf(rows, name);
  const flag = rest.map(flagOfCell).find((f) => f !== undefined);
  const type = rest.map(typeOfCell).find((t) => t !== undefined);
  if (flag !== undefined) facts.flags.add(flag);
  if (type !== undefined) facts.types.add(type);
  facts.texts.push(rest.join(' | '));
}

/** Cells of a markdown pipe-table row (`|name|是|String|描述|`); `\|` is a pipe inside a cell. Undefined for others. */
function pipeCells(line: string): string[] | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('|') || /^\|[\s:|-]*$/.test(trimmed)) return undefined;
  const cells = trimmed
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/);
  return cells.map((cell) => cellText(cell.replace(/\*\*|`/g, '').replace(/<br\s*\/?>/gi, ' ')));
}

/** Facts of every table row on the page (HTML `<tr>` and markdown pipe rows), keyed by the row's first cell. */
export function pageRows(raw: string): PageRows {
  const rows: PageRows = new Map();
  for (const tr of raw.match(/<tr\b[\s\S]*?<\/tr>/gi) ?? []) {
    addRow(rows, (tr.match(/<t[dh]\b[\s\S]*?<\/t[dh]>/gi) ?? []).map(cellText));
  }
  for (const line of raw.split('\n')) {
    const cells = pipeCells(line);
    if (cells) addRow(rows, cells);
  }
  return rows;
}

export function mergeRows(all: PageRows[]): PageRows {
  const merged: PageRows = new Map();
  for (const rows of all)
    for (const [name, facts] of rows) {
      const into = factsOf(merged, name);
      facts.flags.forEach((f) => into.flags.add(f));
      facts.types.forEach((t) => into.types.add(t));
      into.texts.push(...facts.texts);
    }
  return merged;
}

/** The page says `required` for `name` in every row that names it. */
export function pageStatesFlag(rows: PageRows | undefined, name: string, required: boolean): boolean {
  const facts = rows?.get(name);
  return !!facts && facts.flags.size === 1 && facts.flags.has(required);
}

/** The page types `name` as `type` in every row that names it. */
export function pageStatesType(rows: PageRows | undefined, name: string, type: FieldType): boolean {
  const facts = rows?.get(name);
  return !!facts && facts.types.size === 1 && facts.types.has(type);
}
