// Sub-tables without captions (pipe renderings, FORMATS.md §0 "pipe", §6): the pipe text of a support page keeps
// neither the `表N Type` caption nor the link, so `messages | Array of messages objects |` has nothing that ties
// it to the table after it. The interpreter links a `… X objects` field to the table captioned `X`; this step
// gives an uncaptioned sub-table that caption when the page's own evidence says which type it is:
//  - the table follows another table of the same section and status (a first table of a section or status is a
//    parameter or body table, never a sub-table);
//  - a row of an earlier table of that section names a type `X` that no caption of the page declares;
//  - either the example JSON nests under that row's field exactly the names the table lists, or `X` is the only
//    such unresolved type (and the examples do not contradict it).
// Anything else is left uncaptioned and reported: a wrong link is worse than none.

import type { DocSection, DocTable } from '../../model.ts';
import { captionSubject } from '../../interpret/tables.ts';
import { parseDocType } from '../../interpret/types.ts';
import { normalizeWord } from '../../vocab.ts';
import { jsonEnd, tryParseJson } from './json.ts';
import { namedTypes } from './rows.ts';
import type { Report } from './tables.ts';
import { textColumnRole } from './words.ts';
import { WEIGHTS } from './weights.ts';

function column(table: DocTable, role: 'name' | 'type'): number {
  return table.header.findIndex((h) => textColumnRole(h) === role);
}

function rowNames(table: DocTable): string[] {
  const i = column(table, 'name');
  return i < 0 ? [] : table.rows.map((r) => r.cells[i]?.text.trim() ?? '').filter(Boolean);
}

/** Field name → the keys of the objects the examples put under it (`"messages": [{ "topic": … }]` → topic, …). */
export function nestedExampleKeys(sections: DocSection[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (field: string, value: unknown): void => {
    const objects = (Array.isArray(value) ? value : [value]).filter(
      (v) => v && typeof v === 'object' && !Array.isArray(v),
    );
    if (!objects.length) return;
    const keys = out.get(field) ?? new Set<string>();
    for (const o of objects) for (const k of Object.keys(o as object)) keys.add(k);
    out.set(field, keys);
  };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        add(k, v);
        walk(v);
      }
    }
  };
  for (const section of sections) {
    for (const example of section.examples) {
      // The code may carry a request line before the body (`POST https://…\n\n{…}`).
      const code = example.code.replace(REQUEST_LINE_START, '');
      const start = code.search(/[{[]/);
      if (start < 0) continue;
      const end = jsonEnd(code, start);
      const value = tryParseJson(code.slice(start, end < 0 ? undefined : end));
      if (value !== undefined) walk(value);
    }
  }
  return out;
}

/** `POST https://{endpoint}/v2/…` before the body: its braces are not JSON. */
const REQUEST_LINE_START = /^\s*(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S+/;

interface Pending {
  type: string;
  fields: Set<string>;
}

/**
 * How well the examples agree that the table is the type: the share of the keys an example nests under a field of
 * the type that the table lists (an example shows some fields, never fields the table lacks), from two shared
 * names up (one shared `id` says nothing). Undefined when no example shows the field.
 */
function overlap(names: string[], pending: Pending, nested: Map<string, Set<string>>): number | undefined {
  let best: number | undefined;
  for (const field of pending.fields) {
    const keys = nested.get(field);
    if (!keys || !keys.size || !names.length) continue;
    const shared = names.filter((n) => keys.has(n)).length;
    const share = shared >= Math.min(2, names.length) ? shared / keys.size : 0;
    best = best === undefined ? share : Math.max(best, share);
  }
  return best;
}

const EVIDENCE_SHARE = WEIGHTS.subTableEvidenceShare;

/** Tells which type each uncaptioned sub-table serves (`servesType`, in place, with the evidence); reports each decision. */
export function captionSubTables(sections: DocSection[], report: Report): void {
  const declared = new Set<string>();
  for (const s of sections) {
    for (const t of s.tables) {
      if (!t.caption) continue;
      declared.add(normalizeWord(t.caption));
      declared.add(normalizeWord(captionSubject(t.caption)));
    }
  }
  const nested = nestedExampleKeys(sections);
  for (const section of sections) {
    const pending = new Map<string, Pending>();
    const seenStatus = new Set<string>();
    for (const table of section.tables) {
      const group = table.status ?? '';
      const followOn = seenStatus.has(group);
      seenStatus.add(group);
      if (followOn && !table.caption && !table.servesType && table.number === undefined && table.rows.length) {
        const open = [...pending.values()].filter((p) => !declared.has(normalizeWord(p.type)));
        const names = rowNames(table);
        const scored = open.map((p) => ({ p, share: overlap(names, p, nested) }));
        const supported = scored.filter((s) => (s.share ?? 0) >= EVIDENCE_SHARE).sort((a, b) => b.share! - a.share!);
        let chosen: { p: Pending; how: string } | undefined;
        if (supported.length && (supported.length === 1 || supported[0]!.share! > supported[1]!.share!)) {
          chosen = { p: supported[0]!.p, how: 'the examples nest these fields under it' };
        } else if (open.length === 1 && (scored[0]!.share === undefined || scored[0]!.share >= EVIDENCE_SHARE)) {
          chosen = { p: open[0]!, how: 'the only type of the section without a table' };
        }
        const where = { section: section.heading, table: '(table without caption)' };
        if (chosen) {
          table.servesType = { name: chosen.p.type, evidence: chosen.how };
          declared.add(normalizeWord(chosen.p.type));
          const fields = [...chosen.p.fields].map((f) => `'${f}'`).join(', ');
          report({
            ...where,
            reason: `uncaptioned sub-table taken as type '${chosen.p.type}' of ${fields} (${chosen.how})`,
            severity: 'info',
          });
        } else if (open.length > 1) {
          const types = open.map((p) => p.type).join(', ');
          report({
            ...where,
            reason: `uncaptioned table after another of the same status: could be any of ${types}; left without caption`,
            severity: 'warning',
          });
        }
      }
      const nameAt = column(table, 'name');
      const typeAt = column(table, 'type');
      if (typeAt < 0) continue;
      for (const row of table.rows) {
        const field = nameAt < 0 ? '' : (row.cells[nameAt]?.text.trim() ?? '');
        for (const type of namedTypes(parseDocType(row.cells[typeAt]?.text.replace(/\n/g, ' ').trim() ?? ''))) {
          const entry = pending.get(type) ?? { type, fields: new Set<string>() };
          if (field) entry.fields.add(field);
          pending.set(type, entry);
        }
      }
    }
  }
}
