// Walks two documents in step, runs every rule of the table on each paired piece and returns sorted hits.
import {
  bodyLocation,
  buildOperationContext,
  errorCodes,
  isSuccess,
  sharedStatuses,
  type Body,
  type OperationContext,
} from './context.ts';
import { matchOperations, sourceFile } from './operations.ts';
import { viewSchema } from './resolve.ts';
import { RULES, type Rule } from './rules.ts';
import { surfaceHits } from './surface.ts';
import { LEVELS, type DiffReport, type Direction, type Hit, type OpenApiDoc } from './types.ts';

/** Deep enough for any real payload; only a pathological inline nesting would reach it. */
const MAX_SCHEMA_DEPTH = 64;

interface Walk {
  oldDoc: OpenApiDoc;
  newDoc: OpenApiDoc;
  rules: readonly Rule[];
  operation: string;
  hits: Hit[];
}

function stamp(rule: Rule, operation: string, findings: { location: string; message: string }[], hits: Hit[]): void {
  for (const f of findings)
    hits.push({ id: rule.id, level: rule.level, operation, location: f.location, message: f.message });
}

/**
 * Compares two schemas node by node. `ancestors` holds the pairs of named schemas on the current path, so a
 * recursive type (a tree node whose children are tree nodes) is compared once instead of forever.
 */
export function walkSchema(
  w: Walk,
  oldRaw: unknown,
  newRaw: unknown,
  location: string,
  direction: Direction,
  ancestors: ReadonlySet<string> = new Set(),
  depth = 0,
): void {
  const oldView = viewSchema(w.oldDoc, oldRaw);
  const newView = viewSchema(w.newDoc, newRaw);
  const pairKey = oldView.ref || newView.ref ? `${oldView.ref ?? ''}|${newView.ref ?? ''}` : undefined;
  if ((pairKey && ancestors.has(pairKey)) || depth > MAX_SCHEMA_DEPTH) return;
  const inner = pairKey ? new Set([...ancestors, pairKey]) : ancestors;

  const ctx = { old: oldView, new: newView, location, direction };
  for (const rule of w.rules)
    if (rule.scope === 'schema' && rule.direction === direction) stamp(rule, w.operation, rule.check(ctx), w.hits);

  for (const name of Object.keys(newView.properties).sort()) {
    if (Object.hasOwn(oldView.properties, name))
      walkSchema(
        w,
        oldView.properties[name],
        newView.properties[name],
        `${location}.${name}`,
        direction,
        inner,
        depth + 1,
      );
  }
  if (oldView.items !== undefined && newView.items !== undefined)
    walkSchema(w, oldView.items, newView.items, `${location}[]`, direction, inner, depth + 1);
  if (oldView.additionalProperties !== undefined && newView.additionalProperties !== undefined)
    walkSchema(
      w,
      oldView.additionalProperties,
      newView.additionalProperties,
      `${location}{}`,
      direction,
      inner,
      depth + 1,
    );
}

function walkOperation(w: Walk, c: OperationContext): void {
  for (const rule of w.rules) if (rule.scope === 'operation') stamp(rule, w.operation, rule.check(c), w.hits);
  for (const p of [...c.parameters.pairs, ...c.parameters.moved])
    walkSchema(w, p.old.schema, p.new.schema, p.location, 'request');
  if (c.oldRequest && c.newRequest) walkBody(w, c.oldRequest, c.newRequest, 'request', 'request');
  for (const [oldStatus, status] of comparableStatuses(c))
    walkBody(w, c.oldResponses[oldStatus]!, c.newResponses[status]!, `response[${status}]`, 'response');
}

/** The schemas of the media types both bodies have. */
function walkBody(w: Walk, before: Body, after: Body, prefix: string, direction: Direction): void {
  for (const mt of Object.keys(after.content).sort())
    if (Object.hasOwn(before.content, mt))
      walkSchema(w, before.content[mt], after.content[mt], bodyLocation(prefix, mt), direction);
}

/**
 * [old status, new status] pairs whose bodies are compared: every status in both, plus the success response when
 * it changed code (201 → 200, exactly one 2xx gone and one new): the status change has its own hits, and the
 * body the client reads is still worth comparing.
 */
export function comparableStatuses(c: Pick<OperationContext, 'oldResponses' | 'newResponses'>): [string, string][] {
  const pairs = sharedStatuses(c).map((s): [string, string] => [s, s]);
  const onlyOld = Object.keys(c.oldResponses).filter((s) => isSuccess(s) && !Object.hasOwn(c.newResponses, s));
  const onlyNew = Object.keys(c.newResponses).filter((s) => isSuccess(s) && !Object.hasOwn(c.oldResponses, s));
  if (onlyOld.length === 1 && onlyNew.length === 1) pairs.push([onlyOld[0]!, onlyNew[0]!]);
  return pairs;
}

/** Plain code-point order: the same on every machine and locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function sortHits(hits: Hit[]): Hit[] {
  return [...hits].sort(
    (a, b) =>
      compare(a.operation, b.operation) ||
      compare(a.location, b.location) ||
      compare(a.id, b.id) ||
      compare(a.message, b.message),
  );
}

function dedupe(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const key = JSON.stringify([h.id, h.operation, h.location, h.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function diffDocuments(oldDoc: OpenApiDoc, newDoc: OpenApiDoc, rules: readonly Rule[] = RULES): DiffReport {
  const operations = matchOperations(oldDoc, newDoc);
  const hits: Hit[] = [];
  const documentContext = {
    oldDoc,
    newDoc,
    operations,
    oldErrorCodes: errorCodes(oldDoc),
    newErrorCodes: errorCodes(newDoc),
  };
  for (const rule of rules) {
    if (rule.scope !== 'document') continue;
    for (const f of rule.check(documentContext))
      hits.push({ id: rule.id, level: rule.level, operation: f.operation, location: f.location, message: f.message });
  }
  // The generated TypeScript names too: a re-pointed or renamed export breaks code even when the wire does not.
  hits.push(...surfaceHits(oldDoc, newDoc));
  const sources: Record<string, string> = {};
  for (const op of [...operations.removed, ...operations.added]) {
    const file = sourceFile(op);
    if (file) sources[op.display] = file;
  }
  for (const pair of operations.pairs) {
    const w: Walk = { oldDoc, newDoc, rules, operation: pair.new.display, hits };
    walkOperation(w, buildOperationContext(oldDoc, newDoc, pair.old, pair.new));
    const file = sourceFile(pair.new) ?? sourceFile(pair.old);
    if (file) sources[pair.new.display] = file;
  }
  const sorted = sortHits(dedupe(hits));
  const summary = Object.fromEntries(
    LEVELS.map((l) => [l, sorted.filter((h) => h.level === l).length]),
  ) as DiffReport['summary'];
  const operationsWithHits = new Set(sorted.map((h) => h.operation));
  const usedSources = Object.fromEntries(
    Object.keys(sources)
      .sort()
      .filter((op) => operationsWithHits.has(op))
      .map((op) => [op, sources[op]!]),
  );
  return { summary, hits: sorted, sources: usedSources };
}
