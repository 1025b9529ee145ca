// Aggregation pages (flat) mix sections of many API pages and shuffle them (FORMATS.md §9.1). A `URI` bullet starts
// an operation; a following bullet joins it only when the page's own evidence says they belong together:
// consecutive table numbers (表1 路径参数 in URI, then 表2/表3 in 请求参数, 表4+ in 响应参数), body field names that
// the examples use, the same status codes, a request line whose path matches the URI. Anything else stays a page of
// its own, so a foreign table is never glued onto an operation.

import type { DocPage, DocSection, DocTable, SectionKind } from '../../model.ts';
import { captionRole } from './roles.ts';
import { topLevelKeys } from './json.ts';
import { REQUEST_LINE } from './words.ts';
import { WEIGHTS } from './weights.ts';

/** One bullet and the sections read from it. */
export interface Unit {
  /** 1-based bullet number on the page. */
  bullet: number;
  sections: DocSection[];
}

interface Group {
  units: Unit[];
  method: string;
  path: string;
  /**
   * Examples of the bullet right before the URI bullet. Not joined (nothing proves they belong), but flat pages
   * often put an operation's 响应示例 just before its URI (flat/006.txt), so they still count as evidence against
   * a body table that shares nothing with them.
   */
  nearby: DocSection['examples'];
}

/** Methods whose requests carry no body: a 请求Body参数 table cannot be theirs. */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

const URI_LINE = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\/\S*)/;

function uriOf(unit: Unit): { method: string; path: string } | undefined {
  const uri = unit.sections.find((s) => s.kind === 'uri');
  for (const p of uri?.paragraphs ?? []) {
    const m = p.match(URI_LINE);
    if (m) return { method: m[1]!, path: m[2]! };
  }
  for (const t of uri?.tables ?? []) {
    for (const row of t.rows) {
      const [method, path] = row.cells.map((c) => c.text);
      if (method && path && URI_LINE.test(`${method} ${path}`)) return { method, path: path.split(/[?[\s]/)[0]! };
    }
  }
  return undefined;
}

function tables(units: Unit[]): DocTable[] {
  return units.flatMap((u) => u.sections.flatMap((s) => s.tables));
}

function kinds(units: Unit[]): Set<SectionKind> {
  return new Set(units.flatMap((u) => u.sections.map((s) => s.kind)));
}

function names(table: DocTable): string[] {
  return table.rows.map((r) => r.cells[0]?.text ?? '').filter(Boolean);
}

function overlap(a: string[], b: Set<string>): number {
  if (a.length === 0) return 0;
  return a.filter((x) => b.has(x)).length / a.length;
}

function examples(units: Unit[], kind: SectionKind) {
  return units.flatMap((u) => u.sections.filter((s) => s.kind === kind).flatMap((s) => s.examples));
}

const isSuccess = (status?: string): boolean => !!status && /^2/.test(status);

function statusesOfTables(ts: DocTable[]): Set<string> {
  return new Set(ts.map((t) => t.status).filter((s): s is string => !!s));
}

/** `/v2/{project_id}/x/{id}` as a pattern that matches `https://{endpoint}/v2/abc/x/123?y=1`. */
function pathPattern(path: string): RegExp {
  const escaped = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`${escaped}/?(?:[?#]|$)`);
}

/** Whether `unit` belongs to the operation `group`; the reason is reported either way. */
function belongs(group: Group, unit: Unit): { ok: boolean; why: string } {
  const have = kinds(group.units);
  const own = unit.sections.map((s) => s.kind);
  if (own.some((k) => have.has(k))) return { ok: false, why: `the operation already has a ${own.join('/')} section` };
  const groupTables = tables(group.units);
  const unitTables = unit.sections.flatMap((s) => s.tables);
  const kind = own[0];
  if (kind === 'request' || kind === 'response') {
    const maxNumber = Math.max(0, ...groupTables.map((t) => t.number ?? 0));
    const firstNumber = Math.min(...unitTables.map((t) => t.number ?? Infinity));
    if (!unitTables.length || firstNumber !== maxNumber + 1) {
      return {
        ok: false,
        why: unitTables.length
          ? `table numbering does not continue (operation ends at 表${maxNumber}, bullet starts at 表${firstNumber})`
          : 'the bullet has no numbered table',
      };
    }
    // Body fields against the operation's examples (flat/006.txt: a foreign 请求Body参数 next to 修改流控策略).
    for (const t of unitTables) {
      const role = captionRole(t.caption);
      const fields = names(t);
      if (role === 'requestBody' && BODYLESS.has(group.method)) {
        return { ok: false, why: `a request body table cannot belong to a ${group.method} operation` };
      }
      if (role === 'requestBody') {
        const requestKeys = examples(group.units, 'requestExample').map((e) => topLevelKeys(e.code));
        if (requestKeys.length && requestKeys.every((keys) => overlap(fields, keys) < WEIGHTS.bodyKeyShare)) {
          return {
            ok: false,
            why: `request body fields (${fields.slice(0, 4).join(', ')}) are not the ones the request example uses`,
          };
        }
        const responseKeys = [...examples(group.units, 'responseExample'), ...group.nearby]
          .filter((e) => isSuccess(e.status))
          .map((e) => topLevelKeys(e.code));
        if (!requestKeys.length && responseKeys.length && responseKeys.every((keys) => overlap(fields, keys) === 0)) {
          return {
            ok: false,
            why: `request body fields (${fields.slice(0, 4).join(', ')}) share nothing with the operation's response example`,
          };
        }
      }
      if (role === 'responseBody' && isSuccess(t.status)) {
        const keys = examples(group.units, 'responseExample')
          .filter((e) => e.status === t.status)
          .map((e) => topLevelKeys(e.code));
        if (keys.length && keys.every((k) => overlap(fields, k) === 0)) {
          return {
            ok: false,
            why: `response fields (${fields.slice(0, 4).join(', ')}) share nothing with the ${t.status} example`,
          };
        }
      }
    }
    return { ok: true, why: `table numbering continues at 表${firstNumber}` };
  }
  if (kind === 'responseExample') {
    const tableStatuses = statusesOfTables(groupTables);
    const unitExamples = unit.sections.flatMap((s) => s.examples);
    const statuses = unitExamples.map((e) => e.status).filter((s): s is string => !!s);
    if (!tableStatuses.size || !statuses.length)
      return { ok: false, why: 'no response tables or no status codes to compare the examples with' };
    if (!statuses.every((s) => tableStatuses.has(s))) {
      return {
        ok: false,
        why: `example status codes ${statuses.join(',')} are not the operation's ${[...tableStatuses].join(',')}`,
      };
    }
    for (const e of unitExamples.filter((x) => isSuccess(x.status))) {
      const body = groupTables.find((t) => t.status === e.status && captionRole(t.caption) === 'responseBody');
      if (body && overlap(names(body), topLevelKeys(e.code)) === 0)
        return { ok: false, why: `the ${e.status} example shares no field with the response table` };
    }
    return { ok: true, why: `status codes ${statuses.join(',')} match the response tables` };
  }
  if (kind === 'requestExample') {
    const unitExamples = unit.sections.flatMap((s) => s.examples);
    const lines = unitExamples.map((e) => e.code.match(REQUEST_LINE)).filter(Boolean);
    if (lines.length) {
      const pattern = pathPattern(group.path);
      const ok = lines.every((m) => m![1] === group.method && pattern.test(m![2]!.replace(/^https?:\/\/[^/]+/, '')));
      return { ok, why: ok ? 'the request line matches the URI' : 'the request line is another method or path' };
    }
    const body = groupTables.find((t) => captionRole(t.caption) === 'requestBody');
    if (
      body &&
      unitExamples.length &&
      unitExamples.every((e) => overlap(names(body), topLevelKeys(e.code)) >= WEIGHTS.bodyKeyShare)
    ) {
      return { ok: true, why: 'the example uses the request body fields' };
    }
    return { ok: false, why: 'no request line or body fields to tie the example to the operation' };
  }
  return { ok: false, why: `a ${kind ?? 'empty'} bullet is never joined to an operation` };
}

function part(units: Unit[]): string {
  const n = units.map((u) => u.bullet);
  return n.length === 1 ? `bullet ${n[0]}` : `bullets ${n.join(',')}`;
}

/** Groups the bullets of an aggregation page into DocPages; `note` receives each joining decision. */
export function groupUnits(
  units: Unit[],
  file: string,
  form: string,
  note: (bullet: number, reason: string) => void,
): DocPage[] {
  const pages: { units: Unit[] }[] = [];
  let current: Group | undefined;
  let previous: Unit | undefined;
  for (const unit of units) {
    const uri = uriOf(unit);
    const before = previous;
    previous = unit;
    if (uri) {
      const nearby =
        before && before.bullet === unit.bullet - 1
          ? before.sections.filter((s) => s.kind === 'responseExample').flatMap((s) => s.examples)
          : [];
      current = { units: [unit], ...uri, nearby };
      pages.push(current);
      continue;
    }
    const last = current?.units[current.units.length - 1];
    if (current && last && last.bullet === unit.bullet - 1) {
      const verdict = belongs(current, unit);
      note(
        unit.bullet,
        `${verdict.ok ? 'joined to' : 'kept apart from'} the operation ${current.method} ${current.path} of bullet ${current.units[0]!.bullet}: ${verdict.why}`,
      );
      if (verdict.ok) {
        current.units.push(unit);
        continue;
      }
    }
    current = undefined;
    pages.push({ units: [unit] });
  }
  return pages.map((p) => ({
    file,
    form,
    title: '',
    part: part(p.units),
    sections: p.units.flatMap((u) => u.sections),
  }));
}
