// Row segmentation: turning the cells (or words) of a table body into rows, when the text no longer says where a
// row ends. This is the heart of the text readers.
//
// Flat text runs every cell of a table together with single spaces, so a space is not a cell boundary:
// descriptions contain ASCII identifiers (`当resource_region为asia_pacific时`), type-like words, enum lists and
// constraint lines. Percell text puts a cell per line but a description may take several lines, and support pages
// drop the 是/否 cell. Pipe text marks cells but drops some (a linked name, a list).
//
// What the format does give, and what we use:
//  - the header: which columns exist and in which order (vocab COLUMN_ROLES);
//  - token shapes of the anchored columns: a field name, a required word (是/否), a type that parses
//    (parseDocType; `Array of X objects` where X may be a caption later on the page), a status code, an error code;
//  - the page's own evidence: field names its example JSON uses, type names its captions declare.
// Every position where the anchored columns match is a candidate row start with a score; dynamic programming picks
// the set of row starts the whole table agrees with best (a greedy left-to-right split would let one odd
// description word steal a row). Free-text columns take what lies between two row starts.

import type { ColumnRole } from '../../vocab.ts';
import { parseDocType } from '../../interpret/types.ts';
import type { DocCell, Severity, TypeRef } from '../../model.ts';
import {
  ANCHORED_ROLES,
  CJK,
  CJK_SENTENCE_END,
  ERROR_CODE,
  FIELD_NAME,
  HTTP_METHODS,
  isRequiredWord,
  NAME_CONTINUATION,
  REASON_PHRASES,
  STATUS_CODE,
} from './words.ts';
import { WEIGHTS } from './weights.ts';

/** One unit of table text: a word (flat) or a whole cell (percell line, pipe cell). */
export interface Token {
  text: string;
  /** Items of a list cell (percell `  • a` lines). */
  listItems?: string[];
}

/** Page-wide evidence that makes one segmentation more likely than another. */
export interface Evidence {
  /** Field names used as keys anywhere in the page's example JSON. */
  exampleKeys: Set<string>;
  /** Every quoted word of the examples (keys and string values): evidence for repairing split tokens. */
  exampleWords: Set<string>;
  /** Type names the page declares as captions (`表5 GroupTreeResponse`). */
  typeNames: Set<string>;
}

export function emptyEvidence(): Evidence {
  return { exampleKeys: new Set(), exampleWords: new Set(), typeNames: new Set() };
}

export interface SegmentOptions {
  /** 'words': flat text, a cell is one or more words; 'cells': every token is a whole cell. */
  mode: 'words' | 'cells';
  /** cells mode: a free-text cell may take several tokens (percell paragraphs); pipe cells take exactly one. */
  spanning: boolean;
  /**
   * Whether an error-code column may hold a plain word (`100 Continue`, status-code tables). Set by the table when
   * none of its tokens has the shape of a service error code: the table as a whole decides, not one row.
   */
  looseCodes?: boolean;
  evidence: Evidence;
}

export interface Finding {
  reason: string;
  severity: Severity;
  /** Row number (1-based) the finding is about, when any. */
  row?: number;
}

export interface SegmentResult {
  rows: DocCellRow[];
  findings: Finding[];
  /** Mean candidate score per row: how well the template fits (used to choose between templates). */
  fit: number;
  /** Tokens no row took. */
  unplaced: number;
}

export type DocCellRow = DocCell[];

// ---------------------------------------------------------------------------------------------------------------
// Token shapes

/** English function words that are never field names in a row start (protects English flat descriptions). */
const STOPWORDS = new Set(
  'a an the is are was be been of to in on at for and or as by with if this that it its not can will from which when'.split(
    ' ',
  ),
);

/** Whether a TypeRef is fully understood (no `unknown` anywhere inside). */
function isClean(type: TypeRef): boolean {
  switch (type.kind) {
    case 'unknown':
      return false;
    case 'array':
      return isClean(type.items);
    case 'map':
      return isClean(type.values);
    default:
      return true;
  }
}

/** The type names a TypeRef refers to: `Array of X objects` → X. */
export function namedTypes(type: TypeRef): string[] {
  if (type.kind === 'ref') return [type.name];
  if (type.kind === 'array') return namedTypes(type.items);
  if (type.kind === 'map') return namedTypes(type.values);
  return [];
}

/**
 * Score of `text` as a type cell, or undefined when it is not one. A bare CamelCase word (`ImageRef`) is a type only
 * when the page declares it as a caption or the required column already vouches for the row: otherwise any
 * capitalised English word in a description would start a row.
 */
function typeScore(text: string, evidence: Evidence, vouched: boolean): number | undefined {
  const type = parseDocType(text);
  if (!isClean(type)) return undefined;
  const names = namedTypes(type);
  const bare = type.kind === 'ref' && !/\s/.test(text.trim());
  const declared = names.some((n) => evidence.typeNames.has(n));
  if (bare) {
    if (declared) return WEIGHTS.declaredType;
    return vouched ? WEIGHTS.bareTypeVouched : undefined;
  }
  return declared ? WEIGHTS.declaredType : WEIGHTS.knownType;
}

function isFieldName(text: string): boolean {
  return FIELD_NAME.test(text) && !STOPWORDS.has(text.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Matching the anchored columns at the start of a row

interface PrefixMatch {
  /** Tokens taken. */
  length: number;
  score: number;
  /** Text of each anchored cell, in template order. */
  cells: string[];
  notes: string[];
}

const MAX_TYPE_WORDS = 6;
const MAX_PHRASE_WORDS = 5;
const MAX_NAME_WORDS = 3;

/**
 * Keyword-link spacing inside a type (FORMATS.md §9.4): `MicroServiceInfoC CES erviceCreate object`. When the
 * words before `object(s)` join into one CamelCase identifier and one of them is a short all-capitals piece, the
 * closing `object` word is structural evidence that they were one name.
 */
function repairedType(words: string[]): { text: string; note: string } | undefined {
  if (words.length < 3) return undefined;
  const last = words[words.length - 1]!;
  if (!/^objects?$/i.test(last)) return undefined;
  const arrayOf = words[0] === 'Array' && words[1] === 'of';
  const pieces = words.slice(arrayOf ? 2 : 0, -1);
  if (pieces.length < 2 || !pieces.some((p) => /^[A-Z]{2,4}$/.test(p))) return undefined;
  const joined = pieces.join('');
  if (!/^[A-Z][A-Za-z0-9_]*$/.test(joined)) return undefined;
  const text = `${arrayOf ? 'Array of ' : ''}${joined} ${last}`;
  return { text, note: `keyword-link spacing repaired in a type: '${words.join(' ')}' → '${text}'` };
}

/**
 * Readings of the cell of `role` at `at`. `vouched`: an earlier required cell of the row vouches for it; `nameOnly`:
 * the name is the table's only anchor.
 */
function matchRole(
  role: ColumnRole,
  tokens: Token[],
  at: number,
  { mode, evidence, looseCodes = false }: Pick<SegmentOptions, 'mode' | 'evidence' | 'looseCodes'>,
  vouched: boolean,
  nameOnly = false,
): { length: number; score: number; text: string; note?: string }[] {
  const token = tokens[at];
  if (!token) return [];
  const text = token.text.trim();
  switch (role) {
    case 'name': {
      if (!isFieldName(text)) return [];
      const inExamples = evidence.exampleKeys.has(text);
      // A flat table whose only anchor is the name (`参数 说明`): any ASCII word would start a row, so only
      // names the page's examples use are trusted.
      if (mode === 'words' && nameOnly && !inExamples) return [];
      const out = [{ length: 1, score: WEIGHTS.name + (inExamples ? WEIGHTS.nameInExamples : 0), text }];
      // `busy circuits (TIMES)`, `IO CS 44` (FORMATS.md §9.7): a multi-word name, only where a row can start
      // (the table start, or after a word with CJK text: the previous description's end), and at a small cost so
      // that a one-word name wins whenever one fits.
      const before = tokens[at - 1];
      if (mode === 'words' && (!before || CJK.test(before.text))) {
        for (let n = 2; n <= MAX_NAME_WORDS; n++) {
          const next = tokens[at + n - 1];
          if (!next || !NAME_CONTINUATION.test(next.text)) break;
          out.push({
            length: n,
            score: WEIGHTS.name - WEIGHTS.nameExtraWord * (n - 1),
            text: tokens
              .slice(at, at + n)
              .map((t) => t.text)
              .join(' '),
          });
        }
      }
      return out;
    }
    case 'required':
      return isRequiredWord(text) ? [{ length: 1, score: WEIGHTS.required, text }] : [];
    case 'type': {
      const out: { length: number; score: number; text: string; note?: string }[] = [];
      const maxWords = mode === 'words' ? MAX_TYPE_WORDS : 1;
      for (let n = 1; n <= maxWords && at + n <= tokens.length; n++) {
        const words = tokens.slice(at, at + n);
        const joined = words.map((w) => w.text).join(' ');
        const score = typeScore(joined, evidence, vouched);
        if (score !== undefined) {
          out.push({ length: n, score: score + WEIGHTS.typeWordBonus * n, text: joined });
          continue;
        }
        const repair = mode === 'words' ? repairedType(words.map((w) => w.text)) : undefined;
        if (repair) {
          const repairedScore = typeScore(repair.text, evidence, vouched);
          if (repairedScore !== undefined)
            out.push({ length: n, score: repairedScore, text: repair.text, note: repair.note });
        }
      }
      // The longest reading wins: `Array of EnvInfo objects` over `Array`.
      return out.length ? [out.reduce((a, b) => (b.length > a.length ? b : a))] : [];
    }
    case 'status':
      return STATUS_CODE.test(text) ? [{ length: 1, score: WEIGHTS.status, text }] : [];
    case 'code': {
      if (ERROR_CODE.test(text)) return [{ length: 1, score: WEIGHTS.errorCode, text }];
      if (!looseCodes) return [];
      // `Switching Protocols`: a reason phrase of several words is one cell (flat text only; cells are whole already).
      if (mode === 'words') {
        for (let n = Math.min(MAX_PHRASE_WORDS, tokens.length - at); n >= 2; n--) {
          const phrase = tokens
            .slice(at, at + n)
            .map((t) => t.text)
            .join(' ');
          if (REASON_PHRASES.has(phrase.toLowerCase()))
            return [{ length: n, score: WEIGHTS.reasonPhrase, text: phrase }];
        }
      }
      return /^[A-Za-z][\w.-]*$/.test(text) ? [{ length: 1, score: WEIGHTS.looseCode, text }] : [];
    }
    case 'method':
      return HTTP_METHODS.has(text.toUpperCase()) ? [{ length: 1, score: WEIGHTS.method, text }] : [];
    default:
      return [];
  }
}

function matchPrefix(
  tokens: Token[],
  at: number,
  roles: ColumnRole[],
  options: SegmentOptions,
): PrefixMatch | undefined {
  let best: PrefixMatch | undefined;
  const walk = (r: number, pos: number, acc: PrefixMatch, vouched: boolean): void => {
    if (r === roles.length) {
      if (!best || acc.score > best.score) best = { ...acc, length: pos - at };
      return;
    }
    for (const m of matchRole(roles[r]!, tokens, pos, options, vouched, roles.length === 1)) {
      walk(
        r + 1,
        pos + m.length,
        {
          length: 0,
          score: acc.score + m.score,
          cells: [...acc.cells, m.text],
          notes: m.note ? [...acc.notes, m.note] : acc.notes,
        },
        vouched || roles[r] === 'required',
      );
    }
  };
  walk(0, at, { length: 0, score: 0, cells: [], notes: [] }, false);
  return best;
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting free text (flat mode) into several free columns

function isCjkChar(c: string | undefined): boolean {
  return !!c && (CJK.test(c) || /[。，、；：！？（）“”]/.test(c));
}

/**
 * Where to cut flat free text into two cells. Preference: after a CJK sentence end, between two CJK characters,
 * after a CJK character, then the first space. (Error-code tables: `Invalid IP address. ip地址格式不正确 使用正确的ip地址格式`.)
 */
function cutIndex(words: string[]): number {
  const rules: ((left: string, right: string) => boolean)[] = [
    (l) => CJK_SENTENCE_END.test(l),
    (l, r) => isCjkChar(l.at(-1)) && isCjkChar(r[0]),
    (l) => isCjkChar(l.at(-1)),
  ];
  for (const rule of rules) {
    for (let i = 1; i < words.length; i++) if (rule(words[i - 1]!, words[i]!)) return i;
  }
  return 1;
}

/** Flat free text → `count` cells. The first cell of an error table is the English message: the leading ASCII run. */
function splitFreeWords(words: string[], count: number): string[][] {
  if (count <= 1) return [words];
  if (words.length === 0) return Array.from({ length: count }, () => []);
  let cut = 0;
  while (cut < words.length && !CJK.test(words[cut]!)) cut++;
  if (cut === 0 || cut === words.length) cut = words.length >= 2 ? cutIndex(words) : words.length;
  return [words.slice(0, cut), ...splitFreeWords(words.slice(cut), count - 1)];
}

// ---------------------------------------------------------------------------------------------------------------
// Keyword-link spacing in free text: `UPGRADE_AC CES S_AGENT` (FORMATS.md §9.4)

/**
 * Words that look like the pieces of one identifier cut by an inserted link: `UPGRADE_AC CES S_AGENT`,
 * `MicroServiceInfoC CES erviceCreate`. The piece before the keyword ends in a capital fragment glued to a word
 * (`…oC`, `…_AC`) and the piece after starts mid-word (`ervice…`, `S_…`): ordinary words (`API task`) do not.
 */
function looksCut(pieces: string[]): boolean {
  if (pieces.length !== 3) return false;
  const [before, keyword, after] = pieces as [string, string, string];
  return /^[A-Z]{2,4}$/.test(keyword) && /(?:[a-z]|_)[A-Z]{1,3}$/.test(before) && /^(?:[a-z]|[A-Z]{0,3}_)/.test(after);
}

/** Joins split identifiers that the page's examples or captions spell whole; reports suspects it cannot prove. */
function repairSpacing(words: string[], evidence: Evidence): { words: string[]; notes: Finding[] } {
  const out: string[] = [];
  const notes: Finding[] = [];
  for (let i = 0; i < words.length; i++) {
    const pieces = words.slice(i, i + 3);
    if (!looksCut(pieces)) {
      out.push(words[i]!);
      continue;
    }
    const whole = pieces.join('');
    if (evidence.exampleWords.has(whole) || evidence.exampleKeys.has(whole) || evidence.typeNames.has(whole)) {
      out.push(whole);
      notes.push({
        reason: `keyword-link spacing repaired: '${pieces.join(' ')}' → '${whole}' (the page's examples or captions spell it whole)`,
        severity: 'info',
      });
      i += 2;
    } else {
      notes.push({
        reason: `possible keyword-link spacing left as written: '${pieces.join(' ')}' (no evidence for '${whole}' on the page)`,
        severity: 'warning',
      });
      out.push(words[i]!);
    }
  }
  return { words: out, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// Building cells

function cell(text: string, listItems: string[] = []): DocCell {
  return { text, links: [], listItems };
}

/** `• 1 • 2` inside flat text: the enum values a list held (FORMATS.md §9.6). */
function bulletItems(text: string): string[] {
  if (!text.includes('•')) return [];
  return text
    .split('•')
    .slice(1)
    .map((s) => s.trim())
    .filter(Boolean);
}

function joinTokens(tokens: Token[], mode: SegmentOptions['mode']): DocCell {
  const items = tokens.flatMap((t) => t.listItems ?? []);
  const text = tokens
    .map((t) => t.text)
    .join(mode === 'words' ? ' ' : '\n')
    .trim();
  return cell(text, items.length ? items : mode === 'words' ? bulletItems(text) : []);
}

/** Places the free tokens of one row into its free (and trailing anchored) columns. */
function freeCells(
  free: Token[],
  roles: ColumnRole[],
  options: SegmentOptions,
  findings: Finding[],
  rowNumber: number,
): DocCell[] {
  if (roles.length === 0) return [];
  // Anchored roles after the free ones (`… 操作类型 是否必选`): taken from the end when they match.
  const trailing: DocCell[] = [];
  let rest = free;
  let restRoles = roles;
  while (restRoles.length > 1 && ANCHORED_ROLES.has(restRoles[restRoles.length - 1]!)) {
    const role = restRoles[restRoles.length - 1]!;
    const last = rest[rest.length - 1];
    const fits = last && matchRole(role, [last], 0, { mode: 'cells', evidence: options.evidence }, true).length > 0;
    trailing.unshift(cell(fits ? last!.text : ''));
    if (fits) rest = rest.slice(0, -1);
    else findings.push({ row: rowNumber, reason: `no '${role}' cell at the end of the row`, severity: 'warning' });
    restRoles = restRoles.slice(0, -1);
  }
  const count = restRoles.length;
  let cells: DocCell[];
  if (options.mode === 'words') {
    const words = rest.map((t) => t.text);
    const parts = splitFreeWords(words, count);
    cells = parts.map((p) =>
      joinTokens(
        p.map((text) => ({ text })),
        'words',
      ),
    );
  } else if (rest.length === count) {
    cells = rest.map((t) => joinTokens([t], 'cells'));
  } else if (rest.length > count && options.spanning) {
    // A description over several paragraphs: the description column takes the extra tokens.
    const d = Math.max(0, restRoles.indexOf('description'));
    const after = count - d - 1;
    cells = [
      ...rest.slice(0, d).map((t) => joinTokens([t], 'cells')),
      joinTokens(rest.slice(d, rest.length - after), 'cells'),
      ...rest.slice(rest.length - after).map((t) => joinTokens([t], 'cells')),
    ];
  } else {
    // Fewer cells than columns (a dropped list, an excerpt cut): the missing trailing cells stay empty.
    cells = rest.slice(0, count).map((t) => joinTokens([t], 'cells'));
    while (cells.length < count) cells.push(cell(''));
    if (rest.length < count) {
      findings.push({
        row: rowNumber,
        reason: `row has ${rest.length} of ${count} free-text cells; missing cells left empty`,
        severity: 'info',
      });
    }
  }
  return [...cells, ...trailing];
}

// ---------------------------------------------------------------------------------------------------------------
// The segmentation itself

interface Candidate {
  at: number;
  match: PrefixMatch;
}

/** Penalty for the free part of a row spanning tokens [from, to): how far its token count is from what fits. */
function freePenalty(from: number, to: number, freeRoles: number, options: SegmentOptions): number {
  const count = to - from;
  if (freeRoles === 0) return count === 0 ? 0 : -WEIGHTS.freeTokenNoColumn * count;
  if (options.mode === 'words') return count === 0 ? -WEIGHTS.emptyFreeWords : 0;
  if (count < freeRoles) return -WEIGHTS.missingFreeCell * (freeRoles - count);
  if (count > freeRoles && !options.spanning) return -WEIGHTS.extraFreeCell * (count - freeRoles);
  return 0;
}

/** The roles up to the first free-text column: what a row start must match. */
function prefixRoles(roles: ColumnRole[]): ColumnRole[] {
  const firstFree = roles.findIndex((r) => !ANCHORED_ROLES.has(r));
  return firstFree < 0 ? roles : roles.slice(0, firstFree);
}

/**
 * Segments table tokens into rows for a header's column roles. Returns the rows (cells aligned with `roles`) and
 * findings for everything that did not become a row.
 */
export function segmentRows(tokens: Token[], roles: ColumnRole[], options: SegmentOptions): SegmentResult {
  const prefix = prefixRoles(roles);
  const rest = roles.slice(prefix.length);
  const findings: Finding[] = [];
  if (prefix.length === 0) {
    findings.push({
      reason: `header has no anchored first column (${roles.join(', ')}): cannot find row starts`,
      severity: 'error',
    });
    return { rows: [], findings, fit: 0, unplaced: tokens.length };
  }
  if (options.looseCodes === undefined && prefix.includes('code')) {
    options = { ...options, looseCodes: !tokens.some((t) => ERROR_CODE.test(t.text.trim())) };
  }
  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const match = matchPrefix(tokens, i, prefix, options);
    if (match) candidates.push({ at: i, match });
  }
  // best[k]: best total score of rows starting at candidate k and every later chosen candidate.
  const n = tokens.length;
  const best = new Array<number>(candidates.length).fill(-Infinity);
  const next = new Array<number>(candidates.length).fill(-1);
  const leadPenalty = options.mode === 'words' ? WEIGHTS.leadingTokenWords : WEIGHTS.leadingTokenCells;
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k]!;
    const end = c.at + c.match.length;
    let value = c.match.score + freePenalty(end, n, rest.length, options);
    let choice = -1;
    for (let j = k + 1; j < candidates.length; j++) {
      const d = candidates[j]!;
      if (d.at < end) continue;
      const v = c.match.score + freePenalty(end, d.at, rest.length, options) + best[j]!;
      if (v > value) {
        value = v;
        choice = j;
      }
    }
    best[k] = value;
    next[k] = choice;
  }
  let first = -1;
  let firstValue = n === 0 ? 0 : -leadPenalty * n;
  for (let k = 0; k < candidates.length; k++) {
    const v = best[k]! - leadPenalty * candidates[k]!.at;
    if (v > firstValue) {
      firstValue = v;
      first = k;
    }
  }
  const chosen: Candidate[] = [];
  for (let k = first; k >= 0; k = next[k]!) chosen.push(candidates[k]!);

  let unplaced = 0;
  const leading = chosen.length ? chosen[0]!.at : n;
  if (leading > 0) {
    unplaced += leading;
    findings.push(...orphans(tokens.slice(0, leading), roles, options, 0));
  }
  const rows: DocCellRow[] = [];
  for (let k = 0; k < chosen.length; k++) {
    const c = chosen[k]!;
    const rowNumber = k + 1;
    const end = c.at + c.match.length;
    const stop = k + 1 < chosen.length ? chosen[k + 1]!.at : n;
    let free = tokens.slice(end, stop);
    for (const note of c.match.notes) findings.push({ row: rowNumber, reason: note, severity: 'warning' });
    // Pipe cells beyond what the row holds: a row that lost its name cell (FORMATS.md §9.3).
    if (options.mode === 'cells' && !options.spanning && free.length > rest.length) {
      const extra = free.slice(rest.length);
      free = free.slice(0, rest.length);
      unplaced += extra.length;
      findings.push(...orphans(extra, roles, options, rowNumber));
    }
    if (options.mode === 'words') {
      const repaired = repairSpacing(
        free.map((t) => t.text),
        options.evidence,
      );
      for (const f of repaired.notes) findings.push({ ...f, row: rowNumber });
      free = repaired.words.map((text) => ({ text }));
    }
    const cells = [...c.match.cells.map((t) => cell(t)), ...freeCells(free, rest, options, findings, rowNumber)];
    rows.push(cells);
  }
  const fit = chosen.length ? chosen.reduce((s, c) => s + c.match.score, 0) / chosen.length : 0;
  return { rows, findings, fit, unplaced };
}

function clip(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Tokens that no row start took. When they have the shape of a row minus its name (`Yes | Object | Project
 * information. |`), they are reported as a row whose name cell is missing: never given an invented name.
 */
function orphans(extra: Token[], roles: ColumnRole[], options: SegmentOptions, after: number): Finding[] {
  const text = extra
    .map((t) => t.text.trim())
    .filter(Boolean)
    .join(options.mode === 'words' ? ' ' : ' | ');
  if (!text) return [];
  const withoutName = roles.filter((r) => r !== 'name');
  const shape = matchPrefix(extra, 0, prefixRoles(withoutName), options);
  const where = after ? `after row ${after}` : 'before the first row';
  if (roles.includes('name') && shape && shape.length > 0 && options.mode === 'cells') {
    return [
      {
        row: after || undefined,
        reason: `row without a name cell ${where} (the name was dropped by the rendering; not invented): '${clip(text)}'`,
        severity: 'warning',
      },
    ];
  }
  return [{ row: after || undefined, reason: `text ${where} that is not a row: '${clip(text)}'`, severity: 'warning' }];
}
