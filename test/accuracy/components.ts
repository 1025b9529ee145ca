// Text forms (flat/percell/pipe/seed): their pages are excerpts from many services, so there is no operation list
// to line up. Instead every scraped component schema is matched to the API Explorer definition whose property
// names overlap it most (Jaccard), and the two are compared field by field.

import { pointerResolver, type Schema } from './fields.ts';
import {
  addCounts,
  agreeOnRequired,
  agreeOnType,
  compareSets,
  scores,
  ZERO_COUNTS,
  type Agreement,
  type Counts,
} from './metrics.ts';
import type { NormField } from './model.ts';
import { topLevelFields, type ExplorerFile } from './sides.ts';

export interface NamedFields {
  /** Schema name, with where it came from for display: `APIG/CreateApiV2.json#ApiCreate`. */
  name: string;
  source?: string;
  fields: NormField[];
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** Every definition of every file, deduplicated on (name, property names): ErrorMsg is in hundreds of files. */
export function explorerDefinitions(files: { product: string; file: string; json: ExplorerFile }[]): NamedFields[] {
  const seen = new Set<string>();
  const out: NamedFields[] = [];
  for (const { product, file, json } of files) {
    const resolve = pointerResolver(json);
    for (const [name, schema] of Object.entries(json.definitions ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const fields = topLevelFields(schema as Schema, resolve);
      if (fields.length === 0) continue;
      const identity = `${name}|${fields
        .map((f) => f.path)
        .sort()
        .join(',')}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      out.push({ name: `${product}/${file}#${name}`, fields });
    }
  }
  return out;
}

export interface ComponentMatch {
  component: NamedFields;
  definition: NamedFields;
  similarity: number;
  counts: Counts;
  missing: string[];
  extra: string[];
  type: Agreement;
  required: Agreement;
}

/** Minimum Jaccard on property names for a component to count as "the same type" as a definition. */
export const MATCH_THRESHOLD = 0.5;

/**
 * The definition most like `component`: highest Jaccard, then the most shared names, then the first in order
 * (definitions come sorted, so the choice is deterministic). Undefined below the threshold.
 */
export function bestMatch(
  component: NamedFields,
  definitions: NamedFields[],
): { definition: NamedFields; similarity: number } | undefined {
  const names = new Set(component.fields.map((f) => f.path));
  let best: { definition: NamedFields; similarity: number; shared: number } | undefined;
  for (const definition of definitions) {
    const other = new Set(definition.fields.map((f) => f.path));
    const similarity = jaccard(names, other);
    if (similarity < MATCH_THRESHOLD) continue;
    const shared = [...names].filter((n) => other.has(n)).length;
    if (!best || similarity > best.similarity || (similarity === best.similarity && shared > best.shared)) {
      best = { definition, similarity, shared };
    }
  }
  return best && { definition: best.definition, similarity: best.similarity };
}

export function compareComponent(component: NamedFields, definition: NamedFields, similarity: number): ComponentMatch {
  const expected = new Map(definition.fields.map((f) => [f.path, f]));
  const found = new Map(component.fields.map((f) => [f.path, f]));
  const sets = compareSets(expected.keys(), found.keys());
  const type: Agreement = { agree: 0, total: 0, mismatches: [] };
  const required: Agreement = { agree: 0, total: 0, mismatches: [] };
  for (const name of sets.common) {
    agreeOnType(expected.get(name)!, found.get(name)!, type);
    agreeOnRequired(expected.get(name)!, found.get(name)!, required);
  }
  return {
    component,
    definition,
    similarity,
    counts: sets.counts,
    missing: sets.missing,
    extra: sets.extra,
    type,
    required,
  };
}

export interface TextFormsResult {
  components: number;
  matches: ComponentMatch[];
  unmatched: string[];
  counts: Counts;
  type: Agreement;
  required: Agreement;
}

/** Components with a single field say nothing by overlap (`{ id }` matches half the catalogue), so they are skipped. */
export const MIN_COMPONENT_FIELDS = 2;

export function evaluateTextForms(components: NamedFields[], definitions: NamedFields[]): TextFormsResult {
  const matches: ComponentMatch[] = [];
  const unmatched: string[] = [];
  const considered = components.filter((c) => c.fields.length >= MIN_COMPONENT_FIELDS);
  for (const component of considered) {
    const match = bestMatch(component, definitions);
    if (match) matches.push(compareComponent(component, match.definition, match.similarity));
    else unmatched.push(component.name);
  }
  let counts = ZERO_COUNTS;
  const type: Agreement = { agree: 0, total: 0, mismatches: [] };
  const required: Agreement = { agree: 0, total: 0, mismatches: [] };
  for (const match of matches) {
    counts = addCounts(counts, match.counts);
    type.agree += match.type.agree;
    type.total += match.type.total;
    required.agree += match.required.agree;
    required.total += match.required.total;
  }
  return { components: considered.length, matches, unmatched, counts, type, required };
}

export function textFormsF1(result: TextFormsResult): number {
  return scores(result.counts).f1;
}
