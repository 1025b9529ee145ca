// What a table is (its role) and what its columns are, from caption, header and section — all by vocabulary.

import type { DocSection, DocTable } from '../model.ts';
import {
  CAPTION_NAME_JOINERS,
  CAPTION_ROLES,
  CAPTION_SUBJECT_ROLES,
  GENERIC_CAPTIONS,
  OBJECT_CAPTION_SUFFIXES,
  type ColumnRole,
  columnRole,
  escapeRegExp,
  normalizeWord,
  parseRequired,
  type TableRole,
} from '../vocab.ts';
import { isKnownDocType } from './types.ts';

export type Columns = Partial<Record<ColumnRole, number>>;

/** Column index per role; the first column of a role wins. */
export function columnsOf(header: string[]): Columns {
  const columns: Columns = {};
  header.forEach((text, i) => {
    const role = columnRole(text);
    if (role && columns[role] === undefined) columns[role] = i;
  });
  // `参数位置 | 是否必选 | 类型 | 说明` with a `body` row: the location names the row.
  if (columns.name === undefined && columns.location !== undefined) columns.name = columns.location;
  return columns;
}

/**
 * Columns of a table without a header row, guessed from the cells (FORMATS.md §8: 4 zh md tables have none):
 * the column whose cells read as types is the type column; a 是/否 column is the required column.
 */
export function inferColumns(table: DocTable): Columns | undefined {
  const width = Math.max(0, ...table.rows.map((r) => r.cells.length));
  if (width < 2) return undefined;
  const share = (i: number, test: (t: string) => boolean) =>
    table.rows.filter((r) => r.cells[i] && test(r.cells[i]!.text)).length / Math.max(1, table.rows.length);
  const columns: Columns = { name: 0 };
  for (let i = 1; i < width; i++) {
    // The 是/否 test comes first: `Yes` would otherwise read as a bare type name.
    if (
      columns.required === undefined &&
      share(i, (t) => parseRequired(t) !== undefined && t.trim().length <= 5) >= 0.6
    )
      columns.required = i;
    else if (columns.type === undefined && share(i, isKnownDocType) >= 0.6) columns.type = i;
  }
  columns.description = width - 1;
  return columns;
}

const OBJECT_CAPTION_PREFIX =
  /^(?:description|data structure(?: description)?|parameters?|fields?)\s+of\s+(?:the\s+)?([A-Za-z_@][\w.@:-]*)(?:\s+(?:field|parameter|object|attribute))?s?$/i;

const SUFFIXES_LONGEST_FIRST = [...OBJECT_CAPTION_SUFFIXES].sort((a, b) => b.length - a.length);

/** Each caption suffix as a pattern anchored at the end, spaces allowed between its characters; compiled once. */
const SUFFIX_PATTERNS = SUFFIXES_LONGEST_FIRST.map(
  (suffix) => new RegExp(`${[...suffix].map(escapeRegExp).join('\\s*')}\\s*$`, 'i'),
);

/** A caption that names a field or type: `auth_opt参数说明` → `auth_opt`; `tags 字段数据结构说明` → `tags`. */
export function captionSubject(caption: string): string {
  const clean = caption.replace(/\\_/g, '_').trim();
  // English exports also name the field first: `Description of the server field`, `Data structure of listeners`.
  const english = clean.match(OBJECT_CAPTION_PREFIX);
  if (english) return english[1]!;
  // The longest suffix first: `JobDetail数据结构` is `JobDetail`, not `JobDetail数据` (`结构` is a suffix too).
  for (const spaced of SUFFIX_PATTERNS) {
    const subject = clean.replace(spaced, '').trim();
    if (subject && subject !== clean) return subject;
  }
  return clean;
}

const FIELD_NAME = /^[A-Za-z_@][\w.@-]*$/;

/**
 * The names a caption's subject lists: `edgesetPath和vertexsetPath属性列表` → both fields (one table describes the
 * items of each). Split only when every part is a field-like name, so a Chinese phrase containing `和` stays whole.
 */
export function captionSubjects(caption: string): string[] {
  const subject = captionSubject(caption);
  const parts = CAPTION_NAME_JOINERS.reduce<string[]>(
    (acc, joiner) => acc.flatMap((p) => p.split(joiner)),
    [subject],
  ).map((p) => p.trim());
  return parts.length > 1 && parts.every((p) => FIELD_NAME.test(p)) ? parts : [subject];
}

function headerRole(columns: Columns): TableRole | undefined {
  if (
    columns.code !== undefined &&
    (columns.status !== undefined || columns.message !== undefined || columns.action !== undefined)
  )
    return { role: 'errorCodes' };
  if (columns.status !== undefined && columns.name === undefined) return { role: 'statusCodes' };
  if (columns.method !== undefined && columns.uri !== undefined) return { role: 'methodUri' };
  return undefined;
}

const RESPONSE_SECTIONS: ReadonlySet<DocSection['kind']> = new Set(['response', 'responseExample']);

const SECTION_DEFAULT_ROLE: Partial<Record<DocSection['kind'], TableRole>> = {
  uri: { role: 'params', in: 'path' },
  request: { role: 'requestParams' },
  response: { role: 'responseBody' },
  // `## 请求` / `-   请求样例` pages put the body table after the example bullet (docs/FORMATS.md §2).
  requestExample: { role: 'requestParams' },
  responseExample: { role: 'responseBody' },
  statusCodes: { role: 'statusCodes' },
  errorCodes: { role: 'errorCodes' },
};

/**
 * The role of a table: by header shape first, then caption, then (for generic captions) the section it is in.
 * `fieldNames` are the row names of the page's tables: a caption whose subject is one of them (`uri参数说明` on a
 * page whose body has a `uri` field) is that field's sub-table, not the place its word names.
 */
export function tableRole(
  table: DocTable,
  section: DocSection,
  columns: Columns,
  fieldNames: ReadonlySet<string> = new Set(),
): TableRole {
  const byHeader = headerRole(columns);
  if (byHeader) return byHeader;
  // A reader found which type an uncaptioned table serves: it is that type's table, whatever the section.
  if (table.servesType) return { role: 'object' };
  const caption = normalizeWord(table.caption);
  const byCaption = CAPTION_ROLES[caption];
  // A response has no parameters: `路径参数` over a response table is a caption copied from the request side
  // (zh-md/dws/创建容灾.md: 表3 路径参数 under 响应参数 lists the body's `disaster_recovery`).
  if (byCaption?.role === 'params' && RESPONSE_SECTIONS.has(section.kind))
    return SECTION_DEFAULT_ROLE[section.kind] ?? { role: 'object' };
  if (byCaption) return byCaption;
  if (!caption || GENERIC_CAPTIONS.has(caption)) return SECTION_DEFAULT_ROLE[section.kind] ?? { role: 'object' };
  // `URI参数说明`, `Body参数说明`, `响应样例的要素说明`: the caption names a place, not a field or type.
  const subject = captionSubject(table.caption);
  const bySubject = fieldNames.has(subject) ? undefined : CAPTION_SUBJECT_ROLES[normalizeWord(subject)];
  if (bySubject === 'section') return SECTION_DEFAULT_ROLE[section.kind] ?? { role: 'object' };
  if (bySubject) return bySubject;
  // Under URI every field table lists parameters, whatever its caption (`查询检索参数说明`).
  if (section.kind === 'uri' && columns.name !== undefined)
    return { role: 'params', in: /query|查询/.test(caption) ? 'query' : 'path' };
  return { role: 'object' };
}
